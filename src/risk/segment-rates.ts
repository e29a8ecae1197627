import { addMonths } from '../time/dates.js'
import type { Example } from './design.js'

/** Months of closed outcomes a segment's recent churn rate is read from (d−6 … d−2: all ended before d). */
const FIRST_LAG = 2
const LAST_LAG = 6
/** Pseudo-customers pulling a small segment's rate toward the overall rate. */
const PRIOR = 50

/** A segment's recent monthly churn next to everyone's, as of a prediction date. */
export type SegmentRate = { rate: number; overall: number }

/**
 * Adds, for every dimension, `segrate:<dim>` = ln(recent churn of the customer's segment ÷ recent
 * churn overall), from the outcomes of prediction dates d−6 … d−2 months, whose windows all close
 * before d. This lets the model see shifts such as a price rise or a support backlog in one
 * segment as they happen, with nothing from d on.
 */
export function addSegmentRates(examples: Example[], d: string, dims: string[], at: (date: string) => Example[]): Map<string, Map<string, SegmentRate>> {
  const past: Example[] = []
  for (let k = FIRST_LAG; k <= LAST_LAG; k++) past.push(...at(addMonths(d, -k)))
  const overall = past.length ? past.reduce((s, e) => s + e.label, 0) / past.length : 0
  const rates = new Map<string, Map<string, SegmentRate>>()
  for (const dim of dims) {
    const counts = new Map<string, { n: number; x: number }>()
    for (const e of past) {
      const v = e.dims[dim]
      if (v === null || v === undefined) continue
      const c = counts.get(v) ?? { n: 0, x: 0 }
      c.n++
      c.x += e.label
      counts.set(v, c)
    }
    const byValue = new Map<string, SegmentRate>()
    for (const [v, c] of counts) byValue.set(v, { rate: (c.x + PRIOR * overall) / (c.n + PRIOR), overall })
    rates.set(dim, byValue)
  }
  for (const e of examples) {
    for (const dim of dims) {
      const r = rates.get(dim)!.get(e.dims[dim] ?? '')
      e.raw[`segrate:${dim}`] = r && r.overall > 0 && r.rate > 0 ? Math.log(r.rate / r.overall) : past.length ? 0 : NaN
    }
  }
  return rates
}
