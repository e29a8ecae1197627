import { AppError } from '../../errors.js'
import { saveDimensions } from '../dimension-store.js'
import { LOAD_STATE_KEY } from '../health.js'
import { isEmpty, writeMeta } from '../meta.js'
import type { Db } from '../open-database.js'
import { AS_OF } from './calendar.js'
import { appendCustomerRows, emptyRows, sampleTables } from './customer-rows.js'
import { makeCustomer } from './customers.js'
import { insertRows } from './insert-rows.js'
import { storeReasonCategories } from '../store-reason-categories.js'
import { rebuildRollups } from '../rollups/rebuild-rollups.js'
import { sampleDimensions } from './sample-dimensions.js'

/** The sample company's name, written to meta. */
export const SAMPLE_COMPANY_NAME = 'Northwind Cloud'

/** Customers simulated and written per transaction: bounds memory at any size. */
const CUSTOMERS_PER_CHUNK = 2000

/** Options for generateSampleCompany. */
export type GenerateOptions = {
  /** How many customers to create (default 5,000). */
  customers?: number
  /** PRNG seed (default 42): the same seed gives identical rows. */
  seed?: number
  /** Called after each phase step, e.g. ('customers', 4000, 5000). */
  onProgress?: (phase: string, done: number, total: number) => void
}

/** What was written: customer count, rows per table and elapsed milliseconds. */
export type GenerateResult = { customers: number; rows: Record<string, number>; ms: number }

/**
 * Writes the deterministic sample company (Northwind Cloud, a B2B SaaS with 36 months of
 * history up to 2026-10-31) into an empty database: dimensions, customers and everything they
 * did, then meta. Its built-in churn stories are documented in data/README.md.
 */
export async function generateSampleCompany(db: Db, opts: GenerateOptions = {}): Promise<GenerateResult> {
  const total = opts.customers ?? 5000
  const seed = opts.seed ?? 42
  if (!Number.isInteger(total) || total < 1 || total > 10_000_000) {
    throw new AppError('bad_request', `customers must be a whole number from 1 to 10,000,000 (got ${total}).`)
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new AppError('bad_request', `seed must be a whole number from 0 to 4294967295 (got ${seed}).`)
  }
  if (!(await isEmpty(db))) {
    throw new AppError('bad_request', 'The database already holds customers; the sample company can only be written into an empty database (use `churn-insight seed --force` to start over).')
  }
  const progress = opts.onProgress ?? (() => {})
  const started = performance.now()
  const counts: Record<string, number> = Object.fromEntries(sampleTables.map((t) => [t, 0]))

  // Marked before the first chunk commits: a killed seed leaves a database the server refuses to serve.
  await db.insertInto('meta').values({ key: LOAD_STATE_KEY, value: 'incomplete' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: 'incomplete' })).execute()
  const dimensions = sampleDimensions()
  await saveDimensions(db, dimensions)
  counts.dimensions = dimensions.length

  for (let from = 0; from < total; from += CUSTOMERS_PER_CHUNK) {
    const to = Math.min(total, from + CUSTOMERS_PER_CHUNK)
    const rows = emptyRows()
    for (let i = from; i < to; i++) appendCustomerRows(rows, makeCustomer(i, total, seed))
    await db.transaction().execute((trx) => insertRows(trx, rows))
    for (const t of sampleTables) counts[t] += rows[t].length
    progress('customers', to, total)
  }

  // Reason categories once, here, rather than per question (churn_reasons reads them).
  await storeReasonCategories(db)
  await db.transaction().execute(async (trx) => {
    await writeMeta(trx, { asOf: AS_OF, currency: 'USD', source: 'sample', companyName: SAMPLE_COMPANY_NAME })
    // Rollups read the dimensions and as-of date, so they come after meta, in the same transaction.
    await rebuildRollups(trx)
    await trx.updateTable('meta').set({ value: 'complete' }).where('key', '=', LOAD_STATE_KEY).execute()
  })
  return { customers: total, rows: counts, ms: Math.round(performance.now() - started) }
}
