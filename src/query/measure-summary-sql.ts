import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { MeasureDef } from '../catalog/measure.js'
import type { Period } from '../catalog/period.js'
import { runFamily } from './families/family.js'
import type { QueryDeps } from './run-metric.js'
import { measureExpr } from './measure-sql.js'
import { applySegments, type SegmentPlan } from './segment-sql.js'
import { withSpells } from './spells.js'

/** Mean, median, sum and count of a numeric attribute for one group (segment values, and churned/retained when split by status). */
export type MeasureStatsRow = { groups: string[]; status?: 'churned' | 'retained'; n: number; mean: number | null; median: number | null; min: number | null; max: number | null; sum: number | null }

/**
 * A numeric attribute summarised over the customers of a period (everyone with a subscription
 * active at some time in it), per segment and, when asked, per status: churned = left in the
 * period; retained = still active at its end. Blank values are left out, never counted as 0.
 * Two queries: count/mean/min/max, and the median from ranked values (window functions).
 */
export async function runMeasureStats(deps: QueryDeps, period: Period, measure: MeasureDef, plan: SegmentPlan, byStatus: boolean): Promise<{ rows: MeasureStatsRow[]; sql: string[] }> {
  const { from, to } = period
  const qc = withSpells(deps.db as unknown as Kysely<any>, deps.churn, deps.catalog.meta.asOf) as any
  const value = measureExpr(measure, deps.catalog.meta.asOf, sql.ref('p.customer_id'))
  const status: RawBuilder<string> = sql`case when p.churned = 1 then 'churned' when p.active_end = 1 then 'retained' else 'other' end`
  const base = (q: any) => {
    let b = q.selectFrom('pop as p').innerJoin('customers as c', 'c.id', 'p.customer_id')
    b = applySegments(b.select([value.as('x'), status.as('st')]), plan, 'c.id')
    return b
  }
  const withPop = qc.with('pop', (q: any) =>
    q.selectFrom('spells as s')
      .where(sql`s.start_date < ${to} and (s.end_date is null or s.end_date >= ${from})`)
      .select([
        's.customer_id',
        sql`max(case when s.end_date >= ${from} and s.end_date < ${to} then 1 else 0 end)`.as('churned'),
        sql`max(case when s.start_date < ${to} and (s.end_date is null or s.end_date >= ${to}) then 1 else 0 end)`.as('active_end'),
      ])
      .groupBy('s.customer_id'))
  // applySegments adds GROUP BY for `by`; the per-customer rows must not be grouped, so segments are read as columns.
  const groupCols = plan.by.map((_, i) => `g${i}`)
  const vals = withPop.with('vals', (q: any) => ungrouped(base(q), plan))
  const keys = [...groupCols.map((g) => sql.ref(`v.${g}`)), ...(byStatus ? [sql.ref('v.st')] : [])]
  const keyCols = [...groupCols.map((g) => sql.ref(`v.${g}`).as(g)), ...(byStatus ? [sql.ref('v.st').as('st')] : [])]
  const filterStatus = byStatus ? sql`v.st <> 'other'` : sql`1 = 1`
  const moments = vals.selectFrom('vals as v')
    .select([...keyCols, sql<number>`count(v.x)`.as('n'), sql<number>`avg(v.x)`.as('mean'), sql<number>`min(v.x)`.as('min'), sql<number>`max(v.x)`.as('max'), sql<number>`sum(v.x)`.as('sum')])
    .where(sql`v.x is not null and ${filterStatus}`)
  // No segments and no status: one row over everyone, so no GROUP BY at all ("group by 1" would name the count column).
  const momentsQ = keys.length ? moments.groupBy(keys) : moments
  const partition = keys.length ? sql`partition by ${sql.join(keys)}` : sql``
  const ranked = vals.with('ranked', (q: any) => q.selectFrom('vals as v')
    .select([...keyCols, 'v.x', sql`row_number() over (${partition} order by v.x)`.as('rn'), sql`count(*) over (${partition})`.as('cnt')])
    .where(sql`v.x is not null and ${filterStatus}`))
  const medians = ranked.selectFrom('ranked as v')
    .select([...keyCols, sql<number>`avg(v.x)`.as('median')])
    .where(sql`v.rn in ((v.cnt + 1) / 2, (v.cnt + 2) / 2)`)
  const mediansQ = keys.length ? medians.groupBy(keys) : medians
  const [m, md] = await Promise.all([runFamily(momentsQ), runFamily(mediansQ)])
  const key = (r: Record<string, unknown>) => JSON.stringify([...groupCols.map((g) => r[g]), byStatus ? r.st : null])
  const medianOf = new Map(md.rows.map((r) => [key(r), Number(r.median)]))
  const rows: MeasureStatsRow[] = m.rows.map((r: Record<string, unknown>) => ({
    groups: groupCols.map((g) => String(r[g])),
    ...(byStatus ? { status: r.st as 'churned' | 'retained' } : {}),
    n: Number(r.n),
    mean: r.mean === null ? null : Number(r.mean),
    median: medianOf.get(key(r)) ?? null,
    min: r.min === null ? null : Number(r.min),
    max: r.max === null ? null : Number(r.max),
    sum: r.sum === null || r.sum === undefined ? null : Number(r.sum),
  }))
  return { rows, sql: [m.sql, md.sql] }
}

// applySegments groups by the segment columns; per-customer rows need the columns without the grouping.
function ungrouped(qb: any, plan: SegmentPlan) {
  return plan.by.length ? qb.clearGroupBy() : qb
}
