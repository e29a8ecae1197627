import { CompiledQuery, sql } from 'kysely'
import type { Db } from '../open-database.js'
import type { Database } from '../schema.js'
import { billedMonths } from '../../time/billed-months.js'
import type { ImportedCustomer } from './parse-row.js'

/** Tables an import writes rows to. */
export type ImportTable = 'customers' | 'customer_attributes' | 'customer_measures' | 'subscriptions' | 'mrr_history' | 'feedback'

/** What writeImport needs beyond the rows. */
export type WriteOptions = {
  /** Snapshot date: active customers' MRR runs up to the month before it. */
  asOf: string
  /** Language of stored reason and feedback texts. */
  feedbackLanguage: 'en' | 'zh'
  onProgress?: (rowsDone: number) => void
}

// Column order of each table's inserts; every row array below follows it.
const columns = {
  customers: ['id', 'name', 'signup_date', 'plan', 'region', 'channel', 'industry', 'company_size', 'acquisition_cost', 'last_active_date'],
  customer_attributes: ['customer_id', 'dimension', 'value'],
  customer_measures: ['customer_id', 'measure', 'value'],
  subscriptions: ['customer_id', 'start_date', 'end_date', 'is_reactivation', 'churn_type', 'reason_code', 'reason_text'],
  mrr_history: ['customer_id', 'month', 'mrr'],
  feedback: ['customer_id', 'date', 'source', 'rating', 'text', 'language'],
} satisfies { [T in ImportTable]: Array<keyof Database[T] & string> }

const progressEvery = 5000

/**
 * Writes imported customers with multi-row inserts: the customer, its subscription spells,
 * attributes, measures, one mrr_history row per billed month (ranges of one customer that
 * cover the same month add up; zero amounts write none) and churn feedback. Run it inside
 * the caller's transaction: it does not open one, so a later failure rolls everything back.
 */
export async function writeImport(trx: Db, rows: ImportedCustomer[], opts: WriteOptions): Promise<{ rows: Record<ImportTable, number> }> {
  // Rows are gathered synchronously into one flat parameter list per table, then inserted
  // in batches: no await per row, and the indexes are rebuilt once at the end.
  const out = Object.fromEntries(Object.keys(columns).map((t) => [t, [] as unknown[]])) as Record<ImportTable, unknown[]>
  const { customers, customer_attributes: attributes, customer_measures: measures, subscriptions, mrr_history: mrr, feedback } = out
  // In key order every primary-key index grows at its end instead of splitting pages at random.
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const c of sorted) {
    const b = c.builtIns
    customers.push(c.id, c.name, c.signupDate, b.plan ?? null, b.region ?? null, b.channel ?? null, b.industry ?? null, b.company_size ?? null, null, null)
    for (const a of c.attributes) attributes.push(c.id, a.dimension, a.value)
    for (const x of c.measures) measures.push(c.id, x.measure, x.value)
    for (let i = 0; i < c.spells.length; i++) {
      const s = c.spells[i]
      const type = s.end ? (s.reasonCode === 'payment_failed' ? 'involuntary' : 'voluntary') : null
      subscriptions.push(c.id, s.start, s.end, i > 0 ? 1 : 0, type, s.reasonCode, s.reasonText)
      if (s.end && s.feedback) feedback.push(c.id, s.end, 'exit_interview', null, s.feedback, opts.feedbackLanguage)
    }
    if (c.revenue.length === 1) {
      const r = c.revenue[0]
      for (const month of billedMonths(r.start, r.end)) mrr.push(c.id, month, r.amount)
    } else if (c.revenue.length > 1) {
      const byMonth = new Map<string, number>()
      for (const r of c.revenue) for (const month of billedMonths(r.start, r.end)) byMonth.set(month, (byMonth.get(month) ?? 0) + r.amount)
      for (const [month, amount] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) if (amount) mrr.push(c.id, month, amount)
    }
  }
  const indexes = await dropIndexes(trx, Object.keys(columns))
  const counts = {} as Record<ImportTable, number>
  let done = 0
  for (const table of Object.keys(columns) as ImportTable[]) {
    counts[table] = await insertAll(trx, table, out[table], () => {
      if (table === 'customers' && (done += batchRows) % progressEvery < batchRows) opts.onProgress?.(Math.min(done, rows.length))
    })
  }
  for (const ddl of indexes) await trx.executeQuery(CompiledQuery.raw(ddl))
  return { rows: counts }
}

// Building an index once over sorted data is several times faster than updating it on every
// insert, so secondary indexes are dropped for the load and recreated from their own DDL.
async function dropIndexes(trx: Db, tables: string[]): Promise<string[]> {
  const rows = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(trx)
  for (const r of rows.rows) await trx.executeQuery(CompiledQuery.raw(`drop index "${r.name.replace(/"/g, '""')}"`))
  return rows.rows.map((r) => r.sql)
}

// SQLite allows 32,766 bound parameters; 400 rows × 10 columns stays well inside it while
// making statement overhead negligible. Full batches share one SQL text, prepared once.
const batchRows = 400

// Inserts a table's flat parameter list in multi-row batches; returns the row count.
async function insertAll(trx: Db, table: ImportTable, params: unknown[], onBatch: () => void): Promise<number> {
  const cols = columns[table]
  const width = cols.length
  const rowSql = `(${cols.map(() => '?').join(', ')})`
  const head = `insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values `
  const fullSql = head + new Array(batchRows).fill(rowSql).join(', ')
  const total = params.length / width
  for (let row = 0; row < total; row += batchRows) {
    const n = Math.min(batchRows, total - row)
    const sqlText = n === batchRows ? fullSql : head + new Array(n).fill(rowSql).join(', ')
    await trx.executeQuery(CompiledQuery.raw(sqlText, params.slice(row * width, (row + n) * width)))
    onBatch()
  }
  return total
}
