import type { SegmentPlan } from '../query/segment-sql.js'
import type { ScoredCustomer } from './risk-scores.js'

/** Keeps the scored customers inside a segment plan's filters (values already resolved to stored ones). */
export function filterScores(customers: ScoredCustomer[], plan: SegmentPlan): ScoredCustomer[] {
  return customers.filter((c) => plan.where.every((w) => w.values.includes(c.dims[w.dim.id] ?? '')))
}
