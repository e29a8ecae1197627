import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import type { FamilyQuery } from './family.js'

/** NPS survey answers in each bucket: promoters score 9–10, detractors 0–6. */
export const npsStats: FamilyQuery = ({ db, buckets, plan }) => {
  const q = (withPeriods(db, buckets) as any)
    .selectFrom('periods as p')
    .innerJoin('feedback as f', (j: any) =>
      j.on(sql`f.source = 'nps' and f.rating is not null and f.date >= p.p_start and f.date < p.p_end`),
    )
    .select([
      'p.bucket',
      sql<number>`count(*)`.as('responses'),
      sql<number>`sum(case when f.rating >= 9 then 1 else 0 end)`.as('promoters'),
      sql<number>`sum(case when f.rating <= 6 then 1 else 0 end)`.as('detractors'),
    ])
    .groupBy('p.bucket')
  return applySegments(q, plan, 'f.customer_id')
}
