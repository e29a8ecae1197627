import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'

/**
 * What the rollups were built from. A reader uses them only while this still describes the data:
 * the same as-of date and row counts (a writer that bypasses seed and import, such as a test
 * inserting rows, changes a count and so sends queries back to the raw tables), and only for the
 * subscription churn definition, the windows and the dimensions listed here.
 */
export type RollupState = {
  churn: 'subscription'
  asOf: string
  /** Windows start on or after this month… */
  firstMonth: string
  /** …and end on or before this one (exclusive end, a first of month). */
  endMonth: string
  /** Window lengths in months. */
  spans: number[]
  /** `id:source` of each rolled-up dimension (`plan:column:plan`, `contract:attribute`). */
  dimensions: string[]
  /** Levels stored: '' (everyone), single dimensions, pairs ('a,b'). */
  levels: string[]
  /** `span|start month` of the windows compare_segments' rollups hold (a subset of the others). */
  compareWindows: string[]
  /** Levels compare_segments' rollups hold (those of dimensions with few values). */
  compareLevels: string[]
  counts: RollupCounts
}

/** Row counts the state is checked against. */
export type RollupCounts = { customers: number; subscriptions: number; churn_events: number; mrr_history: number; customer_attributes: number }

const KEY = 'built_from'

/** Reads the current row counts the rollup state records. */
export async function rollupCounts(db: Kysely<Database>): Promise<RollupCounts> {
  const n = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0)
  const [customers, subscriptions, churnEvents, mrr, attributes] = await Promise.all([
    n(db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
    n(db.selectFrom('subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
    n(db.selectFrom('subscriptions').where('end_date', 'is not', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
    n(db.selectFrom('mrr_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
    n(db.selectFrom('customer_attributes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
  ])
  return { customers, subscriptions, churn_events: churnEvents, mrr_history: mrr, customer_attributes: attributes }
}

/** The stored rollup state, or null when no rollups have been built. */
export async function readRollupState(db: Kysely<Database>): Promise<RollupState | null> {
  const row = await db.selectFrom('rollup_state').select('value').where('key', '=', KEY).executeTakeFirst()
  return row ? (JSON.parse(row.value) as RollupState) : null
}

/** Records what the rollups were just built from (or clears it with null). */
export async function writeRollupState(db: Kysely<Database>, state: RollupState | null): Promise<void> {
  await db.deleteFrom('rollup_state').where('key', '=', KEY).execute()
  if (state) await db.insertInto('rollup_state').values({ key: KEY, value: JSON.stringify(state) }).execute()
}

/** True when the counts match the ones the rollups were built from. */
export function sameCounts(a: RollupCounts, b: RollupCounts): boolean {
  return (Object.keys(a) as Array<keyof RollupCounts>).every((k) => Number(a[k]) === Number(b[k]))
}
