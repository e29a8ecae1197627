import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import type { FamilyQuery } from './family.js'

/** Support tickets opened in each bucket, and how long the resolved ones took. */
export const ticketStats: FamilyQuery = ({ db, buckets, plan }) => {
  const q = (withPeriods(db, buckets) as any)
    .selectFrom('periods as p')
    .innerJoin('tickets as t', (j: any) => j.on(sql`t.opened_date >= p.p_start and t.opened_date < p.p_end`))
    .select([
      'p.bucket',
      sql<number>`count(*)`.as('tickets'),
      sql<number>`count(t.hours_to_resolve)`.as('tickets_resolved'),
      sql<number>`avg(t.hours_to_resolve)`.as('avg_resolution_hours'),
    ])
    .groupBy('p.bucket')
  return applySegments(q, plan, 't.customer_id')
}
