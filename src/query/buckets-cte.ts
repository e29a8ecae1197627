import { sql, type Kysely } from 'kysely'
import { addDays, startOfMonth } from '../time/dates.js'
import type { Bucket } from '../time/period.js'

/**
 * Columns of the `periods` CTE every family query joins: the bucket key, its [p_start, p_end)
 * dates, and the months whose MRR snapshots bound it (the month before p_start, the month of p_end − 1 day).
 */
export type PeriodRow = { bucket: string; p_start: string; p_end: string; first_month: string; start_month: string; end_month: string }

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

/** `db.with('periods', …)`: the buckets as a UNION ALL of parameterised selects (portable across dialects). */
export function withPeriods(db: Kysely<any>, buckets: Bucket[], lastBilledMonth?: string) {
  const selects = periodRows(buckets, lastBilledMonth).map((r) =>
    db.selectNoFrom([
      sql.val(r.bucket).as('bucket'),
      sql.val(r.p_start).as('p_start'),
      sql.val(r.p_end).as('p_end'),
      sql.val(r.first_month).as('first_month'),
      sql.val(r.start_month).as('start_month'),
      sql.val(r.end_month).as('end_month'),
    ]),
  )
  const union = selects.slice(1).reduce((q, s) => q.unionAll(s), selects[0])
  return db.with('periods', () => union)
}
