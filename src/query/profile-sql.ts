import { sql } from 'kysely'
import { isOutcomeDerived, type MeasureDef } from '../catalog/measure.js'
import type { Period } from '../catalog/period.js'
import type { Bilingual, DimensionDef } from '../catalog/types.js'
import { withMembers, type SegmentCondition } from './compare-segments-sql.js'
import { runFamily } from './families/family.js'
import { measureExpr } from './measure-sql.js'
import type { QueryDeps } from './run-metric.js'
import { applySegments } from './segment-sql.js'
import { chiSquareP, welchTTest, variance } from './significance.js'

/** Dimensions with more values than this are left out of a profile: a χ² over hundreds of cities says little. */
export const PROFILE_MAX_VALUES = 30

/** How one dimension or numeric attribute differs between two groups, with a significance test and an effect size. */
export type ProfileFactor =
  | {
    kind: 'dimension'; id: string; name: Bilingual
    /** Share of each group per value (percent), largest difference first. */
    values: Array<{ value: string; a: number; b: number; aCount: number; bCount: number }>
    pValue: number; effect: number
  }
  | {
    kind: 'measure'; id: string; name: Bilingual; unit: MeasureDef['unit']
    a: number | null; b: number | null; n: { a: number; b: number }
    pValue: number | null; effect: number
  }

/**
 * What distinguishes group a from group b across every dimension (share per value, χ² test,
 * Cramér's V) and every numeric attribute (means, Welch t test, point-biserial r from Cohen's d),
 * ranked by effect size so the differences that matter come first. Blank values are left out.
 */
export async function runProfile(deps: QueryDeps, period: Period, a: SegmentCondition, b: SegmentCondition): Promise<{ factors: ProfileFactor[]; sql: string[] }> {
  const dims = profileDimensions(deps, a, b)
  const members = () => withMembers(deps, period, a, b).selectFrom('members as m').innerJoin('customers as c', 'c.id', 'm.customer_id')
  const dimQueries = dims.map((d) => runFamily(applySegments(members().select(['m.seg', sql<number>`count(*)`.as('n')]).groupBy('m.seg'), { by: [d], where: [] }, 'c.id')))
  const measureQueries = deps.catalog.measures.map((m) => {
    const x = measureExpr(m, deps.catalog.meta.asOf, sql.ref('m.customer_id'))
    return runFamily(members().select(['m.seg', sql<number>`count(${x})`.as('n'), sql<number>`sum(${x})`.as('sum'), sql<number>`sum(${x} * ${x})`.as('ss')]).groupBy('m.seg'))
  })
  const [dimRows, measureRows] = await Promise.all([Promise.all(dimQueries), Promise.all(measureQueries)])
  return { factors: rankFactors(dims, dimRows.map((r) => r.rows), deps.catalog.measures, measureRows.map((r) => r.rows)), sql: [...dimRows.map((r) => r.sql), ...measureRows.map((r) => r.sql)] }
}

/**
 * The dimensions a profile compares: neither filtered on by a segment, nor with too few or too many values,
 * nor recording the outcome itself (a customer status, the data's churn category).
 */
export function profileDimensions(deps: QueryDeps, a: SegmentCondition, b: SegmentCondition): DimensionDef[] {
  const used = new Set([...a.filters, ...b.filters].map((f) => f.dim.id))
  return deps.catalog.dimensions.filter((d) => !used.has(d.id) && !d.outcome && (deps.catalog.values[d.id]?.length ?? 0) <= PROFILE_MAX_VALUES && (deps.catalog.values[d.id]?.length ?? 0) >= 2)
}

/**
 * Profile factors from per-dimension rows (seg, g0, n: members per value) and per-measure rows
 * (seg, n, sum, ss), strongest difference first.
 */
export function rankFactors(dims: DimensionDef[], dimRows: Array<Array<Record<string, unknown>>>, measures: MeasureDef[], measureRows: Array<Array<Record<string, unknown>>>): ProfileFactor[] {
  return [
    ...dims.map((d, i) => dimensionFactor(d, dimRows[i])).filter((f): f is ProfileFactor => f !== null),
    ...measures.map((m, i) => measureFactor(m, measureRows[i])).filter((f): f is ProfileFactor => f !== null),
  ].sort((x, y) => y.effect - x.effect)
}

function dimensionFactor(d: DimensionDef, rows: Array<Record<string, unknown>>): ProfileFactor | null {
  const counts = new Map<string, { a: number; b: number }>()
  for (const r of rows) {
    const v = String(r.g0)
    const c = counts.get(v) ?? { a: 0, b: 0 }
    c[r.seg === 'a' ? 'a' : 'b'] += Number(r.n)
    counts.set(v, c)
  }
  const na = [...counts.values()].reduce((s, c) => s + c.a, 0)
  const nb = [...counts.values()].reduce((s, c) => s + c.b, 0)
  if (!na || !nb || counts.size < 2) return null
  const n = na + nb
  let chi2 = 0
  for (const c of counts.values()) {
    const col = c.a + c.b
    for (const [obs, rowTotal] of [[c.a, na], [c.b, nb]] as const) {
      const exp = (rowTotal * col) / n
      if (exp > 0) chi2 += (obs - exp) ** 2 / exp
    }
  }
  const values = [...counts].map(([value, c]) => ({ value, a: (100 * c.a) / na, b: (100 * c.b) / nb, aCount: c.a, bCount: c.b }))
    .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b))
  return { kind: 'dimension', id: d.id, name: d.name, values, pValue: chiSquareP(chi2, counts.size - 1), effect: Math.sqrt(chi2 / n) }
}

function measureFactor(m: MeasureDef, rows: Array<Record<string, unknown>>): ProfileFactor | null {
  if (isOutcomeDerived(m.id)) return null
  const side = (s: 'a' | 'b') => {
    const r = rows.find((x) => x.seg === s)
    return { n: Number(r?.n ?? 0), sum: Number(r?.sum ?? 0), sumSq: Number(r?.ss ?? 0) }
  }
  const [A, B] = [side('a'), side('b')]
  if (A.n < 2 || B.n < 2) return null
  const [ma, mb] = [A.sum / A.n, B.sum / B.n]
  const pooled = Math.sqrt(((A.n - 1) * variance(A) + (B.n - 1) * variance(B)) / (A.n + B.n - 2))
  if (!(pooled > 0)) return null
  const d = (ma - mb) / pooled
  const p = A.n / (A.n + B.n)
  const effect = Math.abs(d) / Math.sqrt(d * d + 1 / (p * (1 - p)))
  return { kind: 'measure', id: m.id, name: m.name, unit: m.unit, a: ma, b: mb, n: { a: A.n, b: B.n }, pValue: welchTTest(A, B).pValue, effect }
}
