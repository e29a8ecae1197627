import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import type { FamilyQuery } from './family.js'

/** Dimension ids the import gives a data set's own churn flag when churn itself comes from elsewhere (events). */
export const CHURN_FLAG_PREFIX = 'churn_flag'

/**
 * The data's own churn flag, which carries no date: per bucket, the customers who had signed up by
 * its end and how many of them the flag marks as churned (value Yes).
 */
export const churnFlagStats: FamilyQuery = ({ db, buckets, plan }) => {
  const q = (withPeriods(db, buckets) as any)
    .selectFrom('periods as p')
    .innerJoin('customers as c', (j: any) => j.on(sql`c.signup_date < p.p_end`))
    .leftJoin('customer_attributes as flag', (j: any) => j.onRef('flag.customer_id', '=', 'c.id').on(sql`flag.dimension like ${`${CHURN_FLAG_PREFIX}%`}`))
    .select([
      'p.bucket',
      sql<number>`count(distinct c.id)`.as('customers_in_data'),
      sql<number>`count(distinct case when flag.value = 'Yes' then c.id end)`.as('flagged'),
    ])
    .groupBy('p.bucket')
  return applySegments(q, plan, 'c.id')
}
