import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import type { FamilyQuery } from './family.js'

/**
 * Revenue movements per bucket: each customer's MRR in the month before the bucket (start)
 * is compared with the bucket's last month (end), so a quarter compares June with September.
 */
export const revenueFlow: FamilyQuery = ({ db, buckets, plan }) => {
  // Two equality joins (start month, end month) instead of one OR-join, so each can use the
  // covering (month, customer_id, mrr) index rather than scanning mrr_history per bucket.
  const snapshot = (q: any, monthCol: string, as: 's' | 'e') =>
    q
      .selectFrom('periods as p')
      .innerJoin('mrr_history as h', 'h.month', `p.${monthCol}`)
      .select(['p.bucket', 'h.customer_id', sql<number>`${as === 's' ? sql`h.mrr` : sql`0`}`.as('s'), sql<number>`${as === 'e' ? sql`h.mrr` : sql`0`}`.as('e')])
  const qc = (withPeriods(db, buckets) as any)
    .with('snapshots', (q: any) => snapshot(q, 'start_month', 's').unionAll(snapshot(q, 'end_month', 'e')))
    .with('pc', (q: any) =>
      q
        .selectFrom('snapshots as x')
        .select(['x.bucket', 'x.customer_id', sql<number>`sum(x.s)`.as('s'), sql<number>`sum(x.e)`.as('e')])
        .groupBy(['x.bucket', 'x.customer_id']),
    ) as any
  const q = qc
    .selectFrom('pc')
    .select([
      'pc.bucket',
      sql<number>`sum(pc.s)`.as('start_mrr'),
      sql<number>`sum(pc.e)`.as('end_mrr'),
      sql<number>`sum(case when pc.s > 0 and pc.e <= 0 then pc.s else 0 end)`.as('churned_mrr'),
      sql<number>`sum(case when pc.s > 0 and pc.e > 0 and pc.e < pc.s then pc.s - pc.e else 0 end)`.as('contraction_mrr'),
      sql<number>`sum(case when pc.s > 0 and pc.e > pc.s then pc.e - pc.s else 0 end)`.as('expansion_mrr'),
      sql<number>`sum(case when pc.s <= 0 and pc.e > 0 then pc.e else 0 end)`.as('new_mrr'),
      sql<number>`sum(case when pc.s > 0 then 1 else 0 end)`.as('paying_start'),
      sql<number>`sum(case when pc.e > 0 then 1 else 0 end)`.as('paying_end'),
    ])
    .groupBy('pc.bucket')
  return applySegments(q, plan, 'pc.customer_id')
}
