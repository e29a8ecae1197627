import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import type { FamilyQuery } from './family.js'

/** Acquisition cost of the customers who signed up in each bucket. */
export const acquisition: FamilyQuery = ({ db, buckets, plan }) => {
  const q = (withPeriods(db, buckets) as any)
    .selectFrom('periods as p')
    .innerJoin('customers as c', (j: any) => j.on(sql`c.signup_date >= p.p_start and c.signup_date < p.p_end`))
    .select([
      'p.bucket',
      sql<number>`count(c.acquisition_cost)`.as('acquired_with_cost'),
      sql<number>`avg(c.acquisition_cost)`.as('avg_cac'),
    ])
    .groupBy('p.bucket')
  return applySegments(q, plan, 'c.id')
}
