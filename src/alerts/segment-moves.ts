import type { Period } from '../catalog/period.js'
import { runMetric, type QueryDeps } from '../query/run-metric.js'
import { twoProportionZTest } from '../query/significance.js'

/** One segment's churn in two periods and whether the change is more than noise. */
export type SegmentMove = { dimension: string; value: string; current: number; previous: number; churned: number; active: number; prevChurned: number; prevActive: number; changePoints: number; pValue: number | null }

/**
 * Churn rate of every segment of the given dimensions in the period and the one before, with a
 * two-proportion z-test each, most significant first; segments with fewer than `minCustomers` active at either start are skipped.
 */
export async function segmentMoves(deps: QueryDeps, dims: string[], period: Period, previous: Period, where: Record<string, string[]>, minCustomers = 30): Promise<{ moves: SegmentMove[]; sql: string[] }> {
  const moves: SegmentMove[] = []
  const sql: string[] = []
  for (const dim of dims) {
    const [cur, prev] = await Promise.all([
      runMetric(deps, { metric: 'churn_rate', period, by: [dim], where }),
      runMetric(deps, { metric: 'churn_rate', period: previous, by: [dim], where }),
    ])
    sql.push(...cur.sql)
    for (const row of cur.rows) {
      const value = row.segment[dim]
      const p = prev.rows.find((r) => r.segment[dim] === value)
      if (!p || row.value === null || p.value === null) continue
      // The starting cohort's churn is what the rate is read from: of those active at the start, how many left.
      const [churned, active, prevChurned, prevActive] = [cohortChurned(row.parts), row.parts.active_start, cohortChurned(p.parts), p.parts.active_start]
      if (active < minCustomers || prevActive < minCustomers) continue
      moves.push({ dimension: dim, value, current: row.value, previous: p.value, churned, active, prevChurned, prevActive, changePoints: row.value - p.value, pValue: twoProportionZTest(churned, active, prevChurned, prevActive).pValue })
    }
  }
  // Most significant first (a big swing in a tiny segment is mostly noise), then the larger change.
  return { moves: moves.sort((a, b) => (a.pValue ?? 1) - (b.pValue ?? 1) || Math.abs(b.changePoints) - Math.abs(a.changePoints)), sql }
}

/** Customers of the starting cohort who churned in the period (older engines only report all churns). */
export function cohortChurned(parts: Record<string, number>): number {
  return parts.churned_from_start ?? parts.churned ?? 0
}
