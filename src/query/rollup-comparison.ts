import type { Kysely } from 'kysely'
import type { DimensionDef } from '../catalog/types.js'
import { rollupColumns } from '../db/migrations/007-rollups-1-tables.js'
import { dimensionKey, levelName } from '../db/rollups/rebuild-rollups.js'
import { monthsBetween } from '../time/dates.js'
import type { Period } from '../time/period.js'
import type { CompareMeasure } from './compare-measures.js'
import type { ComparisonRows, SegmentCondition } from './compare-segments-sql.js'
import { inlineParameters } from './families/family.js'
import { profileDimensions, rankFactors, type ProfileFactor } from './profile-sql.js'
import { usableRollups } from './rollup-family.js'
import type { QueryDeps } from './run-metric.js'
import { NOT_SET } from './segment-sql.js'

type LevelRow = { id: number; level: string; status: string; values: Map<string, string | null>; sums: Record<string, number> }

/**
 * compare_segments' comparison and profile read from the rollups, or null when they do not hold
 * the question (then the raw queries run): subscription churn, a period that is one stored
 * whole-month window, and segment filters on at most one rolled-up dimension (the profile then
 * needs pairs of it with every other dimension). The figures are the raw queries' own, summed over
 * the rollup segments that match each side's status and filters.
 */
export async function rollupComparison(
  deps: QueryDeps, period: Period, a: SegmentCondition, b: SegmentCondition, measures: readonly CompareMeasure[],
): Promise<{ comparison: ComparisonRows; profile: { factors: ProfileFactor[]; sql: string[] } } | null> {
  if (deps.rollups === false || deps.churn.kind !== 'subscription') return null
  const state = await usableRollups(deps.db, deps.catalog)
  if (!state) return null
  const span = monthsBetween(period.from, period.to)
  if (!period.from.endsWith('-01') || !period.to.endsWith('-01') || !state.compareWindows.includes(`${span}|${period.from}`)) return null
  const filterDims = unique([...a.filters, ...b.filters].map((f) => f.dim))
  const known = new Set(state.dimensions)
  if (filterDims.length > 1 || !filterDims.every((d) => known.has(dimensionKey(d)))) return null
  const dims = profileDimensions(deps, a, b)
  if (!dims.every((d) => known.has(dimensionKey(d)))) return null
  const baseLevel = levelName(filterDims.map((d) => d.id))
  const dimLevels = dims.map((d) => levelName([...filterDims.map((f) => f.id), d.id]))
  const wanted = [...new Set([baseLevel, ...dimLevels])]
  if (!wanted.every((l) => state.compareLevels.includes(l))) return null

  const db = deps.db as unknown as Kysely<any>
  const where = (q: any) => q.where('r.level', 'in', wanted).where('r.span', '=', span).where('r.month', '=', period.from)
  const compareQ = where(db.selectFrom('rollup_compare as r').leftJoin('rollup_segment_values as v', 'v.segment_id', 'r.segment_id'))
    .select(['r.level', 'r.status', 'r.segment_id', 'v.dimension', 'v.value', ...rollupColumns.compare.map((c) => `r.${c}`)])
  const measureQ = where(db.selectFrom('rollup_profile_measures as r').leftJoin('rollup_segment_values as v', 'v.segment_id', 'r.segment_id'))
    .where('r.level', '=', baseLevel)
    .select(['r.status', 'r.segment_id', 'r.measure', 'v.dimension', 'v.value', 'r.n', 'r.sum', 'r.ss'])
  const [compareRows, measureRows] = await Promise.all([compareQ.execute(), measureQ.execute()]) as [Array<Record<string, any>>, Array<Record<string, any>>]
  const texts = [compareQ, measureQ].map((q) => { const c = q.compile(); return inlineParameters(c.sql, c.parameters) })

  // One entry per (segment, status), with the segment's values gathered from its value rows.
  const rows = new Map<string, LevelRow>()
  for (const r of compareRows) {
    const key = `${r.segment_id}|${r.status}`
    let row = rows.get(key)
    if (!row) rows.set(key, (row = { id: Number(r.segment_id), level: r.level, status: r.status, values: new Map(), sums: Object.fromEntries(rollupColumns.compare.map((c) => [c, Number(r[c])])) }))
    if (r.dimension !== null) row.values.set(r.dimension, r.value)
  }
  const sides = { a, b }
  const members = (cond: SegmentCondition, level: string) => [...rows.values()].filter((r) => r.level === level && r.status === cond.status && matches(cond, r.values))

  // The comparison: each side's sums over its matching segments; no members, no row (as the raw query).
  const aggregateKeys = measures.flatMap((m) => Object.keys(m.aggregates))
  const comparison = { a: {} as Record<string, number>, b: {} as Record<string, number> }
  for (const side of ['a', 'b'] as const) {
    const ms = members(sides[side], baseLevel)
    if (!ms.length) continue
    const sum = (k: string) => ms.reduce((s, r) => s + r.sums[k], 0)
    comparison[side] = { customers: sum('cr_all'), ...Object.fromEntries(aggregateKeys.map((k) => [k, sum(k)])) }
  }

  // The profile: members per value of each dimension, and each numeric attribute's moments.
  const dimRows = dims.map((d, i) => {
    const out: Array<Record<string, unknown>> = []
    for (const side of ['a', 'b'] as const) {
      const counts = new Map<string, number>()
      for (const r of members(sides[side], dimLevels[i])) {
        const v = r.values.get(d.id) ?? NOT_SET
        counts.set(v, (counts.get(v) ?? 0) + r.sums.cr_all)
      }
      // The raw query's GROUP BY order: segment, then value.
      for (const [g0, n] of [...counts].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) out.push({ seg: side, g0, n })
    }
    return out
  })
  const perSegment = new Map<string, { status: string; values: Map<string, string | null>; moments: Map<string, { n: number; sum: number; ss: number }> }>()
  for (const r of measureRows) {
    const key = `${r.segment_id}|${r.status}`
    let s = perSegment.get(key)
    if (!s) perSegment.set(key, (s = { status: r.status, values: new Map(), moments: new Map() }))
    if (r.dimension !== null) s.values.set(r.dimension, r.value)
    s.moments.set(r.measure, { n: Number(r.n), sum: Number(r.sum), ss: Number(r.ss) })
  }
  const measureFactorRows = deps.catalog.measures.map((m) => {
    const out: Array<Record<string, unknown>> = []
    for (const side of ['a', 'b'] as const) {
      const cond = sides[side]
      const ms = [...perSegment.values()].filter((s) => s.status === cond.status && matches(cond, s.values))
      if (!ms.length) continue
      const get = (k: 'n' | 'sum' | 'ss') => ms.reduce((t, s) => t + (s.moments.get(m.id)?.[k] ?? 0), 0)
      out.push({ seg: side, n: get('n'), sum: get('sum'), ss: get('ss') })
    }
    return out
  })
  return {
    comparison: { rows: comparison, sql: texts[0] },
    profile: { factors: rankFactors(dims, dimRows, deps.catalog.measures, measureFactorRows), sql: [texts[1]] },
  }
}

// A segment's filter condition on a rollup segment's values: every filter holds (a missing value
// never matches), or, for "everyone else", not all of them do.
function matches(cond: SegmentCondition, values: Map<string, string | null>): boolean {
  if (!cond.filters.length) return true
  const all = cond.filters.every((f) => {
    const v = values.get(f.dim.id)
    return v !== null && v !== undefined && f.values.includes(v)
  })
  return cond.negateFilters ? !all : all
}

function unique(dims: DimensionDef[]): DimensionDef[] {
  return [...new Map(dims.map((d) => [d.id, d])).values()]
}
