import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import type { FamilyQuery } from './family.js'

/** Money refunded with the churn events dated in each bucket: the total, and the events that carried a refund. */
export const refundStats: FamilyQuery = ({ db, buckets, plan }) => {
  const q = (withPeriods(db, buckets) as any)
    .selectFrom('periods as p')
    .innerJoin('churn_events as e', (j: any) => j.on(sql`e.date >= p.p_start and e.date < p.p_end and e.refund is not null`))
    .select([
      'p.bucket',
      sql<number>`sum(e.refund)`.as('refunds'),
      sql<number>`sum(case when e.refund > 0 then 1 else 0 end)`.as('refunded_events'),
      sql<number>`count(*)`.as('events_with_refund_data'),
    ])
    .groupBy('p.bucket')
  return applySegments(q, plan, 'e.customer_id')
}
