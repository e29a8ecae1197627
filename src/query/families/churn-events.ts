import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import type { FamilyQuery } from './family.js'

/** Churn events dated in each bucket, one per row of the source's events file (two on a day count twice). */
export const churnEventStats: FamilyQuery = ({ db, buckets, plan }) => {
  const q = (withPeriods(db, buckets) as any)
    .selectFrom('periods as p')
    .innerJoin('churn_events as e', (j: any) => j.on(sql`e.date >= p.p_start and e.date < p.p_end`))
    .select([
      'p.bucket',
      sql<number>`count(*)`.as('churn_events'),
      sql<number>`count(distinct e.customer_id)`.as('event_customers'),
      sql<number>`sum(e.reactivation)`.as('reactivation_events'),
    ])
    .groupBy('p.bucket')
  return applySegments(q, plan, 'e.customer_id')
}
