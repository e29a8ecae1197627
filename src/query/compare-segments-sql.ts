import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DimensionDef } from '../catalog/types.js'
import type { CompareMeasure } from './compare-measures.js'
import { startOfMonth } from '../time/dates.js'
import { runFamily } from './families/family.js'
import type { Period } from '../time/period.js'
import type { QueryDeps } from './run-metric.js'
import { valueExpr } from './segment-sql.js'
import { withSpells } from './spells.js'

/** churned = a spell ended in the period; retained = active at period end and not churned in it. */
export type SegmentStatus = 'churned' | 'retained' | 'any'

/** Who belongs to a segment: a status, dimension filters (all must hold), or everyone NOT matching the filters. */
export type SegmentCondition = { status: SegmentStatus; filters: Array<{ dim: DimensionDef; values: string[] }>; negateFilters: boolean }

/** Per-segment aggregate rows (keyed 'a' / 'b') and the SQL that produced them. */
export type ComparisonRows = { rows: Record<'a' | 'b', Record<string, number>>; sql: string }

// SQLite month arithmetic; move into dialectSql with a second dialect.
const monthIndex = (e: RawBuilder<unknown>) => sql<number>`(cast(strftime('%Y', ${e}) as integer) * 12 + cast(strftime('%m', ${e}) as integer))`

/**
 * One aggregated query for both segments. CTEs: `spells` (churn definition) → `pop` (one row per
 * customer with a spell overlapping the period, with churned / active flags and the last churn date)
 * → `members` (segment a rows UNION ALL segment b rows; each carries its endpoint = churn date or
 * period end) → `vals` (per-customer measure columns, correlated subqueries) → sums per segment.
 */
export async function runSegmentComparison(
  deps: QueryDeps, period: Period, a: SegmentCondition, b: SegmentCondition, measures: readonly CompareMeasure[],
): Promise<ComparisonRows> {
  const { from, to } = period
  const window = { from, to, firstMonth: startOfMonth(from) }
  const perCustomer = measures.flatMap((m) => Object.entries(m.perCustomer(window)).map(([k, e]) => e.as(k)))
  const aggregates = measures.flatMap((m) => Object.entries(m.aggregates).map(([k, e]) => e.as(k)))
  const query = withMembers(deps, period, a, b)
    .with('vals', (q: any) => q.selectFrom('members as m').select(['m.seg', 'm.churned', 'm.active_start', ...perCustomer]))
    .selectFrom('vals as v')
    .select(['v.seg', sql`count(*)`.as('customers'), ...aggregates])
    .groupBy('v.seg')
    .orderBy('v.seg')
  const result = await runFamily(query)
  const rows = { a: {} as Record<string, number>, b: {} as Record<string, number> }
  for (const r of result.rows) {
    const seg = r.seg === 'a' ? 'a' : 'b'
    for (const [k, v] of Object.entries(r)) if (k !== 'seg') rows[seg][k] = Number(v ?? 0)
  }
  return { rows, sql: result.sql }
}

/**
 * The `spells` → `pop` → `members` CTEs shared by the comparison and the churner profile: one
 * member row per customer and segment ('a' / 'b'), with churned / active flags and the endpoint.
 */
export function withMembers(deps: QueryDeps, period: Period, a: SegmentCondition, b: SegmentCondition): any {
  const { from, to } = period
  const inPeriod = sql`s.end_date >= ${from} and s.end_date < ${to}`
  const activeAt = (t: string) => sql`s.start_date < ${t} and (s.end_date is null or s.end_date >= ${t})`
  const qc = withSpells(deps.db as unknown as Kysely<any>, deps.churn, deps.catalog.meta.asOf) as any
  return qc
    .with('pop', (q: any) =>
      q.selectFrom('spells as s')
        .where(sql`s.start_date < ${to} and (s.end_date is null or s.end_date >= ${from})`)
        .select([
          's.customer_id',
          sql`max(case when ${inPeriod} then 1 else 0 end)`.as('churned'),
          // A customer who churned twice in the period is measured at the last churn.
          sql`max(case when ${inPeriod} then s.end_date end)`.as('churn_date'),
          sql`max(case when ${activeAt(from)} then 1 else 0 end)`.as('active_start'),
          sql`max(case when ${activeAt(to)} then 1 else 0 end)`.as('active_end'),
        ])
        .groupBy('s.customer_id'))
    .with('members', (q: any) => memberRows(q, 'a', a, to).unionAll(memberRows(q, 'b', b, to)))
}

// One segment's members: population rows that pass its status and filter condition.
function memberRows(q: any, seg: 'a' | 'b', cond: SegmentCondition, to: string) {
  let qb = q.selectFrom('pop as p').innerJoin('customers as c', 'c.id', 'p.customer_id')
  for (const { dim } of cond.filters) {
    if (dim.source.kind !== 'attribute') continue
    const alias = `a_${dim.id}`
    qb = qb.leftJoin(`customer_attributes as ${alias}`, (j: any) => j.onRef(`${alias}.customer_id`, '=', 'p.customer_id').on(`${alias}.dimension`, '=', dim.id))
  }
  const endpoint = sql<string>`coalesce(p.churn_date, ${to})`
  return qb
    .select([
      sql.lit(seg).as('seg'),
      'p.customer_id',
      'p.churned',
      'p.active_start',
      endpoint.as('endpoint'),
      'c.signup_date',
      sql`${monthIndex(endpoint)} - ${monthIndex(sql.ref('c.signup_date'))}`.as('months_since_signup'),
    ])
    .where(condition(cond))
}

/** The WHERE condition of a segment; a customer with no value for a filtered dimension does not match it. */
export function condition(cond: SegmentCondition): RawBuilder<unknown> {
  const status =
    cond.status === 'churned' ? sql`p.churned = 1` : cond.status === 'retained' ? sql`p.churned = 0 and p.active_end = 1` : null
  if (!cond.filters.length) return status ?? sql`1 = 1`
  const all = sql.join(cond.filters.map((f) => sql`${valueExpr(f.dim)} in (${sql.join(f.values)})`), sql` and `)
  // CASE turns SQL's unknown (a null value) into "does not match", so the complement includes those customers.
  const match = sql`(case when ${all} then 1 else 0 end) = ${sql.lit(cond.negateFilters ? 0 : 1)}`
  return status ? sql`${status} and ${match}` : match
}
