import { sql, type Kysely } from 'kysely'
import { addDays, startOfMonth } from '../time/dates.js'
import type { Bucket } from '../time/period.js'
import { dialectName } from '../db/dialects/dialect-name.js'

/**
 * Columns of the `periods` CTE every family query joins: the bucket key, its [p_start, p_end)
 * dates, and the months whose MRR snapshots bound it (the month before p_start, the month of p_end − 1 day).
 */
export type PeriodRow = { bucket: string; p_start: string; p_end: string; first_month: string; start_month: string; end_month: string }

const columns = ['bucket', 'p_start', 'p_end', 'first_month', 'start_month', 'end_month'] as const

/** Row values for the periods CTE; `lastBilledMonth` caps the end snapshot (no MRR is billed after it). */
export function periodRows(buckets: Bucket[], lastBilledMonth?: string): PeriodRow[] {
  const cap = (m: string) => (lastBilledMonth && m > lastBilledMonth ? lastBilledMonth : m)
  return buckets.map((b) => ({
    bucket: b.key,
    p_start: b.start,
    p_end: b.end,
    first_month: startOfMonth(b.start),
    start_month: startOfMonth(addDays(b.start, -1)),
    end_month: cap(startOfMonth(addDays(b.end, -1))),
  }))
}

/**
 * `db.with('periods', …)`: the buckets as one JSON parameter read by `json_each`, so the SQL text is
 * the same for 1 bucket or 400 (one SELECT per bucket hit SQLite's 500-term compound limit and made
 * every bucket count a new prepared statement). Materialized: the JSON is parsed once, not per join probe.
 */
export function withPeriods(db: Kysely<any>, buckets: Bucket[], lastBilledMonth?: string) {
  const rows = JSON.stringify(periodRows(buckets, lastBilledMonth).map((r) => columns.map((c) => r[c])))
  // The same one-parameter shape on each dialect: SQLite's json_each, PostgreSQL's json_array_elements.
  const postgres = dialectName(db) === 'postgres'
  const source = postgres ? sql`(select value from json_array_elements(cast(${rows} as json)))` : sql`json_each(${rows})`
  const column = (i: number) => (postgres ? sql<string>`(j.value ->> ${sql.lit(i)})` : sql<string>`json_extract(j.value, ${`$[${i}]`})`)
  return db.with(
    (cte) => cte('periods').materialized(),
    (q) => q.selectFrom(source.as('j')).select(columns.map((c, i) => column(i).as(c))),
  )
}
