import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import type { FamilyQuery } from './family.js'

/** Product engagement: averages over customer-months of activity inside each bucket. */
export const engagement: FamilyQuery = ({ db, buckets, plan }) => {
  const q = (withPeriods(db, buckets) as any)
    .selectFrom('periods as p')
    .innerJoin('activity as act', (j: any) => j.on(sql`act.month >= p.first_month and act.month < p.p_end`))
    .select([
      'p.bucket',
      sql<number>`count(*)`.as('customer_months'),
      sql<number>`avg(act.logins)`.as('avg_logins'),
      sql<number>`avg(act.active_seats)`.as('avg_active_seats'),
      sql<number>`avg(act.key_feature_uses)`.as('avg_key_feature_uses'),
    ])
    .groupBy('p.bucket')
  return applySegments(q, plan, 'act.customer_id')
}
