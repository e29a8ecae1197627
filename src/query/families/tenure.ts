import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { dialectSql } from '../dialect-sql.js'
import { applySegments } from '../segment-sql.js'
import { withSpells } from '../spells.js'
import type { FamilyQuery } from './family.js'

/** Average months since signup of the customers active at each bucket's end. */
export const tenure: FamilyQuery = ({ db, buckets, plan, churn, asOf }) => {
  const q = (withSpells(withPeriods(db, buckets) as any, churn, asOf) as any)
    .selectFrom('periods as p')
    .innerJoin('spells as s', (j: any) => j.on(sql`s.start_date < p.p_end and (s.end_date is null or s.end_date >= p.p_end)`))
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select([
      'p.bucket',
      sql<number>`count(distinct s.customer_id)`.as('tenure_customers'),
      sql<number>`avg(${dialectSql.daysBetween(sql.ref('c.signup_date'), sql.ref('p.p_end'))} / 30.4375)`.as('avg_tenure_months'),
    ])
    .groupBy('p.bucket')
  return applySegments(q, plan, 'c.id')
}
