import { CompiledQuery, type Insertable } from 'kysely'
import type { Db } from '../open-database.js'
import type { Database } from '../schema.js'
import { billedMonths } from '../../time/billed-months.js'
import type { ImportedCustomer } from './parse-row.js'

/** Tables an import writes rows to. */
export type ImportTable = 'customers' | 'customer_attributes' | 'subscriptions' | 'mrr_history' | 'feedback'

/** What writeImport needs beyond the rows. */
export type WriteOptions = {
  /** Snapshot date: active customers' MRR runs up to the month before it. */
  asOf: string
  /** Also store each churned customer's stated reason as an exit-interview feedback row. */
  reasonsAsFeedback?: { language: 'en' | 'zh' }
}

// Multi-row inserts amortise statement overhead; ~500 rows stays far below SQLite's
// bound-parameter limit even for the widest table (customers, 11 columns).
const batchSize = 500

/**
 * Writes imported customers with batched multi-row inserts: the customer, one subscription
 * spell, its attributes, one mrr_history row per billed month (constant amount; zero and
 * unknown amounts write none) and, if asked, the stated reason as feedback. Run it inside
 * the caller's transaction: it does not open one, so a later failure rolls everything back.
 */
export async function writeImport(trx: Db, rows: AsyncIterable<ImportedCustomer>, opts: WriteOptions): Promise<{ rows: Record<ImportTable, number>; churned: number }> {
  const customers = batcher(trx, 'customers')
  const attributes = batcher(trx, 'customer_attributes')
  const subscriptions = batcher(trx, 'subscriptions')
  const mrr = batcher(trx, 'mrr_history')
  const feedback = batcher(trx, 'feedback')
  let churned = 0
  for await (const c of rows) {
    await customers.add({
      id: c.id, name: c.name, signup_date: c.signupDate,
      plan: c.builtIns.plan ?? null, region: c.builtIns.region ?? null, channel: c.builtIns.channel ?? null,
      industry: c.builtIns.industry ?? null, company_size: c.builtIns.company_size ?? null,
      acquisition_cost: null, last_active_date: null,
    })
    for (const a of c.attributes) await attributes.add({ customer_id: c.id, dimension: a.dimension, value: a.value })
    await subscriptions.add({
      customer_id: c.id, start_date: c.signupDate, end_date: c.churnDate, is_reactivation: 0,
      churn_type: c.churnDate ? (c.reasonCode === 'payment_failed' ? 'involuntary' : 'voluntary') : null,
      reason_code: c.reasonCode, reason_text: c.reasonText,
    })
    if (c.churnDate) churned++
    if (c.mrr) for (const month of billedMonths(c.billingStart, c.churnDate ?? opts.asOf)) await mrr.add({ customer_id: c.id, month, mrr: c.mrr })
    if (opts.reasonsAsFeedback && c.churnDate && c.reasonText) {
      await feedback.add({ customer_id: c.id, date: c.churnDate, source: 'exit_interview', rating: null, text: c.reasonText, language: opts.reasonsAsFeedback.language })
    }
  }
  const all = { customers, customer_attributes: attributes, subscriptions, mrr_history: mrr, feedback }
  for (const b of Object.values(all)) await b.flush()
  const counts = Object.fromEntries(Object.entries(all).map(([k, b]) => [k, b.count()])) as Record<ImportTable, number>
  return { rows: counts, churned }
}

// Buffers rows for one table and inserts them batchSize at a time. Every full batch has the
// same SQL, so it is compiled once and reused: Kysely's per-row value parsing otherwise costs
// about as much as SQLite's insert itself.
function batcher<T extends ImportTable>(trx: Db, table: T) {
  let buffer: Insertable<Database[T]>[] = []
  let written = 0
  let full: { sql: string; columns: string[] } | undefined
  const flush = async () => {
    if (buffer.length === 0) return
    const rows = buffer
    buffer = []
    if (full && rows.length === batchSize) {
      const params: unknown[] = []
      for (const row of rows as Record<string, unknown>[]) for (const c of full.columns) params.push(row[c])
      await trx.executeQuery(CompiledQuery.raw(full.sql, params))
    } else {
      const query = trx.insertInto(table).values(rows as never).compile()
      // Rows are built by one object literal per table, so every row has the same keys in the same order.
      if (rows.length === batchSize) full = { sql: query.sql, columns: Object.keys(rows[0]) }
      await trx.executeQuery(query)
    }
    written += rows.length
  }
  return {
    async add(row: Insertable<Database[T]>) {
      buffer.push(row)
      if (buffer.length >= batchSize) await flush()
    },
    flush,
    count: () => written + buffer.length,
  }
}
