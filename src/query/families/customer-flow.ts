import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import { withSpells } from '../spells.js'
import type { FamilyQuery } from './family.js'

// "Active at instant t" means active at the end of day t−1: start_date < t and (end_date is null or end_date >= t).
// With that, active_end = active_start + new + reactivated − churned holds for every bucket.
const activeAt = (t: string) => sql`s.start_date < ${sql.ref(t)} and (s.end_date is null or s.end_date >= ${sql.ref(t)})`
const inPeriod = (col: string) => sql`${sql.ref(col)} >= p.p_start and ${sql.ref(col)} < p.p_end`
const countIf = (cond: unknown, alias: string) => sql<number>`count(distinct case when ${cond} then s.customer_id end)`.as(alias)

/** Customer flow: active at start/end, new, reactivated, churned (voluntary/involuntary) per bucket and segment. */
export const customerFlow: FamilyQuery = ({ db, buckets, plan, churn, asOf }) => {
  const qc = withSpells(withPeriods(db, buckets) as any, churn, asOf) as any
  let q = qc
    .selectFrom('periods as p')
    .innerJoin('spells as s', (j: any) => j.on(sql`s.start_date < p.p_end and (s.end_date is null or s.end_date >= p.p_start)`))
    .select([
      'p.bucket',
      countIf(activeAt('p.p_start'), 'active_start'),
      countIf(activeAt('p.p_end'), 'active_end'),
      countIf(sql`${inPeriod('s.start_date')} and s.is_reactivation = 0`, 'new'),
      countIf(sql`${inPeriod('s.start_date')} and s.is_reactivation = 1`, 'reactivated'),
      countIf(inPeriod('s.end_date'), 'churned'),
      countIf(sql`${inPeriod('s.end_date')} and s.churn_type = 'involuntary'`, 'churned_involuntary'),
      countIf(sql`${inPeriod('s.end_date')} and (s.churn_type is null or s.churn_type <> 'involuntary')`, 'churned_voluntary'),
    ])
    .groupBy('p.bucket')
  q = applySegments(q, plan, 's.customer_id')
  return q
}
