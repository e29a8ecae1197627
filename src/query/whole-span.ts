import { sql, type Kysely } from 'kysely'
import { runFamily } from './families/family.js'
import type { QueryDeps } from './run-metric.js'
import { applySegments, type SegmentPlan } from './segment-sql.js'
import { withSpells } from './spells.js'

/** Over all the data: customers, and how many of them have churned at least once, per segment. */
export type WholeSpanRow = { groups: string[]; customers: number; churned: number }

/**
 * Everyone in the data and who has ever churned, per segment: the whole-span reading a manager
 * expects beside a windowed rate ("of the 500 accounts in the data, 352 — 70.4% — have churned").
 */
export async function runWholeSpan(deps: QueryDeps, plan: SegmentPlan): Promise<{ rows: WholeSpanRow[]; sql: string }> {
  const qc = withSpells(deps.db as unknown as Kysely<any>, deps.churn, deps.catalog.meta.asOf) as any
  const q = qc
    .with('ever', (w: any) => w.selectFrom('spells as s').select(['s.customer_id', sql<number>`max(case when s.end_date is not null then 1 else 0 end)`.as('churned')]).groupBy('s.customer_id'))
    .selectFrom('ever as e')
    .innerJoin('customers as c', 'c.id', 'e.customer_id')
    .select([sql<number>`count(*)`.as('customers'), sql<number>`sum(e.churned)`.as('churned')])
  const r = await runFamily(applySegments(q, plan, 'c.id'))
  return {
    rows: r.rows.map((x) => ({ groups: [x.g0, x.g1].filter((g) => g !== undefined).map(String), customers: Number(x.customers), churned: Number(x.churned ?? 0) })),
    sql: r.sql,
  }
}
