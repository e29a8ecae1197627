import { CompiledQuery, sql } from 'kysely'
import type { Db } from '../open-database.js'
import type { Database } from '../schema.js'
import { billedMonths } from '../../time/billed-months.js'
import type { ImportedCustomer } from './parse-row.js'
import { dialectName } from '../dialects/dialect-name.js'

/** Tables an import writes rows to. */
export type ImportTable = 'customers' | 'customer_attributes' | 'customer_measures' | 'subscriptions' | 'mrr_history' | 'feedback' | 'tickets' | 'churn_events'

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
  tickets: ['customer_id', 'opened_date', 'category', 'hours_to_resolve'],
  churn_events: ['customer_id', 'date', 'reactivation', 'refund'],
} satisfies { [T in ImportTable]: Array<keyof Database[T] & string> }

const progressEvery = 5000

/**
 * Writes imported customers with multi-row inserts: the customer, its subscription spells,
 * attributes, measures, one mrr_history row per billed month (ranges of one customer that
 * cover the same month add up; zero amounts write none) and churn feedback. Run it inside
 * the caller's transaction: it does not open one, so a later failure rolls everything back.
 */
export async function writeImport(trx: Db, rows: ImportedCustomer[], opts: WriteOptions): Promise<{ rows: Record<ImportTable, number> }> {
  // A bigger page cache keeps the B-trees of a large load in memory instead of spilling to disk;
  // sorter threads rebuild the indexes about a fifth faster (3.2M MRR rows: 10.3 → 8.4 s here).
  // SQLite only: PostgreSQL has neither these pragmas nor sqlite_master, and numbers its parameters.
  const pg = dialectName(trx) === 'postgres'
  if (!pg) {
    await trx.executeQuery(CompiledQuery.raw('pragma cache_size = -262144'))
    await trx.executeQuery(CompiledQuery.raw('pragma threads = 2'))
  }
  const indexes = pg ? [] : await dropIndexes(trx, Object.keys(columns))
  const out = Object.fromEntries(Object.keys(columns).map((t) => [t, batcher(trx, t as ImportTable, pg)])) as Record<ImportTable, Batcher>
  const { customers, customer_attributes: attributes, customer_measures: measures, subscriptions, mrr_history: mrr, feedback, tickets, churn_events: churnEvents } = out
  // In key order every primary-key index grows at its end instead of splitting pages at random.
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  // Customers share few (start, end) ranges (a snapshot: one per tenure), so each range's month
  // list is built once.
  const ranges = new Map<string, string[]>()
  const months = (start: string, end: string): string[] => {
    const key = start + end
    let list = ranges.get(key)
    if (!list) ranges.set(key, (list = billedMonths(start, end)))
    return list
  }
  let done = 0
  for (const c of sorted) {
    const b = c.builtIns
    // Rows are pushed value by value into the current batch; only a full batch awaits the database.
    let p = customers.row(c.id, c.name, c.signupDate, b.plan ?? null, b.region ?? null, b.channel ?? null, b.industry ?? null, b.company_size ?? null, null, null)
    if (p) await p
    for (const a of c.attributes) if ((p = attributes.row(c.id, a.dimension, a.value))) await p
    for (const x of c.measures) if ((p = measures.row(c.id, x.measure, x.value))) await p
    for (let i = 0; i < c.spells.length; i++) {
      const s = c.spells[i]
      const type = s.end ? (s.reasonCode === 'payment_failed' ? 'involuntary' : 'voluntary') : null
      if ((p = subscriptions.row(c.id, s.start, s.end, i > 0 ? 1 : 0, type, s.reasonCode, s.reasonText))) await p
      if (s.end && s.feedback && (p = feedback.row(c.id, s.end, 'exit_interview', null, s.feedback, opts.feedbackLanguage))) await p
    }
    for (const t of c.tickets ?? []) if ((p = tickets.row(c.id, t.opened, t.category, t.hours))) await p
    for (const e of c.churnEvents ?? []) if ((p = churnEvents.row(c.id, e.date, e.reactivation ? 1 : 0, e.refund))) await p
    if (c.revenue.length === 1) {
      const r = c.revenue[0]
      for (const month of months(r.start, r.end)) if ((p = mrr.row(c.id, month, r.amount))) await p
    } else if (c.revenue.length > 1) {
      const byMonth = new Map<string, number>()
      for (const r of c.revenue) for (const month of months(r.start, r.end)) byMonth.set(month, (byMonth.get(month) ?? 0) + r.amount)
      for (const [month, amount] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) if (amount && (p = mrr.row(c.id, month, amount))) await p
    }
    if (++done % progressEvery === 0) opts.onProgress?.(done)
  }
  for (const b of Object.values(out)) await b.flush()
  for (const ddl of indexes) await trx.executeQuery(CompiledQuery.raw(ddl))
  return { rows: Object.fromEntries(Object.entries(out).map(([k, b]) => [k, b.count()])) as Record<ImportTable, number> }
}

// Building an index once over sorted data is several times faster than updating it on every
// insert, so secondary indexes are dropped for the load and recreated from their own DDL.
// (Keeping mrr_history_month, whose groups only grow at their ends in customer order, was
// tried: 3.2M MRR rows and 1.6M attribute rows no longer fit the page cache and the load
// took longer than the index build it saved.)
async function dropIndexes(trx: Db, tables: string[]): Promise<string[]> {
  const rows = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})`.execute(trx)
  for (const r of rows.rows) await trx.executeQuery(CompiledQuery.raw(`drop index "${r.name.replace(/"/g, '""')}"`))
  return rows.rows.map((r) => r.sql)
}

// SQLite allows 32,766 bound parameters; 400 rows × 10 columns stays well inside it while
// making statement overhead negligible. Full batches share one SQL text, prepared once.
const batchRows = 400

type Batcher = { row(...values: unknown[]): Promise<void> | undefined; flush(): Promise<void>; count(): number }

// Collects one table's rows into a fixed-size parameter array and inserts it when full.
function batcher(trx: Db, table: ImportTable, pg: boolean): Batcher {
  const cols = columns[table]
  const width = cols.length
  const rowSql = `(${cols.map(() => '?').join(', ')})`
  const tuples = (k: number) => (pg ? Array.from({ length: k }, (_, r) => `(${cols.map((_c, i) => `$${r * width + i + 1}`).join(', ')})`) : new Array(k).fill(rowSql)).join(', ')
  const head = `insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values `
  const fullSql = head + tuples(batchRows)
  let params: unknown[] = new Array(batchRows * width)
  let n = 0
  let written = 0
  const flush = async () => {
    if (n === 0) return
    const full = n === batchRows
    const sqlText = full ? fullSql : head + tuples(n)
    const p = full ? params : params.slice(0, n * width)
    written += n
    n = 0
    params = new Array(batchRows * width)
    await trx.executeQuery(CompiledQuery.raw(sqlText, p))
  }
  return {
    row(...values) {
      const at = n * width
      for (let i = 0; i < width; i++) params[at + i] = values[i]
      return ++n === batchRows ? flush() : undefined
    },
    flush,
    count: () => written + n,
  }
}
