import { sql } from 'kysely'
import { addDays, startOfMonth } from '../../time/dates.js'
import { withPeriods } from '../buckets-cte.js'
import { dialectSql } from '../dialect-sql.js'
import { applySegments } from '../segment-sql.js'
import { withSpells } from '../spells.js'
import type { FamilyQuery } from './family.js'

/**
 * Revenue movements per bucket: each customer's MRR in the month before the bucket (start) is
 * compared with the bucket's last month (end). The start counts only customers active at the
 * bucket's start and the end only those still active at its end, so revenue lost is booked in the
 * period of the churn date, not the month after.
 * Also: `lost_mrr`, the last billed MRR of customers who churned in the bucket, and `present_mrr`,
 * the MRR of everyone billed during it — a snapshot file's "share of revenue lost" is their ratio.
 */
export const revenueFlow: FamilyQuery = ({ db, buckets, plan, churn, asOf }) => {
  const lastBilled = startOfMonth(addDays(asOf, -1))
  const base = withSpells(withPeriods(db, buckets, lastBilled) as any, churn, asOf) as any
  const row = (bucket: string, cust: string, cols: { s?: unknown; e?: unknown; lost?: unknown; present?: unknown }) => [
    sql.ref(bucket).as('bucket'),
    sql.ref(cust).as('customer_id'),
    sql<number>`${cols.s ?? sql`0`}`.as('s'),
    sql<number>`${cols.e ?? sql`0`}`.as('e'),
    sql<number>`${cols.lost ?? sql`0`}`.as('lost'),
    sql<number>`${cols.present ?? sql`0`}`.as('present'),
  ]
  // Equality joins on the month so each side uses the covering (month, customer_id, mrr) index.
  // Active on a date: a spell that began before it and had not ended by it.
  const activeOn = (eb: any, date: string) =>
    eb.exists(
      eb.selectFrom('spells as sp').select(sql`1`.as('one')).whereRef('sp.customer_id', '=', 'h.customer_id').whereRef('sp.start_date', '<', date)
        .where((w: any) => w.or([w('sp.end_date', 'is', null), w('sp.end_date', '>=', w.ref(date))])),
    )
  // A customer who left during the month before the bucket was billed for it but is not at its start:
  // their loss belongs to that earlier period.
  const starts = (q: any) =>
    q.selectFrom('periods as p').innerJoin('mrr_history as h', 'h.month', 'p.start_month').where((eb: any) => activeOn(eb, 'p.p_start')).select(row('p.bucket', 'h.customer_id', { s: sql`h.mrr` }))
  const ends = (q: any) =>
    q
      .selectFrom('periods as p')
      .innerJoin('mrr_history as h', 'h.month', 'p.end_month')
      .where((eb: any) => activeOn(eb, 'p.p_end'))
      .select(row('p.bucket', 'h.customer_id', { e: sql`h.mrr` }))
  const lost = (q: any) =>
    q
      .selectFrom('periods as p')
      .innerJoin('spells as sp', (j: any) => j.on(sql`sp.end_date >= p.p_start and sp.end_date < p.p_end`))
      .innerJoin('mrr_history as h', (j: any) => j.onRef('h.customer_id', '=', 'sp.customer_id').on(sql`h.month = ${dialectSql.startOfMonth(dialectSql.addDays(sql.ref('sp.end_date'), -1))}`))
      .select(row('p.bucket', 'h.customer_id', { lost: sql`h.mrr` }))
  const present = (q: any) =>
    q
      .selectFrom('periods as p')
      .innerJoin('mrr_history as h', (j: any) => j.on(sql`h.month >= p.first_month and h.month <= p.end_month`))
      .select(row('p.bucket', 'h.customer_id', { present: sql`h.mrr` }))
  const qc = base
    .with('snapshots', (q: any) => starts(q).unionAll(ends(q)).unionAll(lost(q)).unionAll(present(q)))
    .with('pc', (q: any) =>
      q
        .selectFrom('snapshots as x')
        .select(['x.bucket', 'x.customer_id', sql<number>`sum(x.s)`.as('s'), sql<number>`sum(x.e)`.as('e'), sql<number>`sum(x.lost)`.as('lost'), sql<number>`max(x.present)`.as('present')])
        .groupBy(['x.bucket', 'x.customer_id']),
    )
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
      sql<number>`sum(pc.lost)`.as('lost_mrr'),
      sql<number>`sum(pc.present)`.as('present_mrr'),
    ])
    .groupBy('pc.bucket')
  return applySegments(q, plan, 'pc.customer_id')
}
