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
      const [churned, active, prevChurned, prevActive] = [row.parts.churned, row.parts.active_start, p.parts.churned, p.parts.active_start]
      if (active < minCustomers || prevActive < minCustomers) continue
      moves.push({ dimension: dim, value, current: row.value, previous: p.value, churned, active, prevChurned, prevActive, changePoints: row.value - p.value, pValue: twoProportionZTest(churned, active, prevChurned, prevActive).pValue })
    }
  }
  // Most significant first (a big swing in a tiny segment is mostly noise), then the larger change.
  return { moves: moves.sort((a, b) => (a.pValue ?? 1) - (b.pValue ?? 1) || Math.abs(b.changePoints) - Math.abs(a.changePoints)), sql }
}
