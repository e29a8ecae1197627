import { addDays, startOfMonth } from '../../time/dates.js'

/** One whole-month window of the rollups: [start, end), its span and the MRR snapshot months that bound it. */
export type RollupWindow = {
  span: number
  start: string
  end: string
  /** The month before `start`: the starting MRR snapshot. */
  startMonth: string
  /** The window's last month, capped at the last billed month: the ending MRR snapshot. */
  endMonth: string
  /** The months from `start` to `endMonth`, inclusive. */
  months: string[]
}

/** A customer's subscription spells and monthly revenue, as stored. */
export type CustomerHistory = {
  spells: Array<{ start: string; end: string | null; reactivation: boolean; involuntary: boolean }>
  mrr: Map<string, number>
  /** Activity, tickets and NPS answers by month: the monthly rollup's figures (see addMonthly). */
  monthly?: Map<string, Float64Array>
}

/**
 * Indexes into a flow accumulator, in rollup_flow's column order (see migration 007). The
 * definitions are the customer-flow family's (src/query/families/customer-flow.ts), per customer:
 * each spell starts (new, or reactivated) and may end (churned, voluntary or involuntary); counts
 * are of customers, active counts are starts minus churns before the date.
 */
const F = { active_start: 0, new: 1, reactivated: 2, churned: 3, churned_from_start: 4, churned_voluntary: 5, churned_involuntary: 6, active_end: 7 }
export const FLOW_WIDTH = 8

/** Adds one customer's flow in a window to `acc` from index `at`; false when every figure is zero (nothing added). */
export function addFlow(acc: Float64Array, at: number, h: CustomerHistory, w: RollupWindow): boolean {
  let startsS = 0, endsS = 0, startsE = 0, endsE = 0
  let isNew = 0, reactivated = 0, voluntary = 0, involuntary = 0, fromStart = 0
  for (const s of h.spells) {
    if (s.start < w.start) startsS++
    if (s.start < w.end) startsE++
    if (s.start >= w.start && s.start < w.end) {
      if (s.reactivation) reactivated = 1
      else isNew = 1
    }
    if (s.end === null) continue
    if (s.end < w.start) endsS++
    if (s.end < w.end) endsE++
    if (s.end >= w.start && s.end < w.end) {
      if (s.involuntary) involuntary = 1
      else voluntary = 1
      // The starting cohort's churn: the spell began before the window.
      if (s.start < w.start) fromStart = 1
    }
  }
  const activeStart = startsS - endsS
  const activeEnd = startsE - endsE
  const churned = voluntary | involuntary
  if (!activeStart && !activeEnd && !isNew && !reactivated && !churned) return false
  acc[at + F.active_start] += activeStart
  acc[at + F.new] += isNew
  acc[at + F.reactivated] += reactivated
  acc[at + F.churned] += churned
  acc[at + F.churned_from_start] += fromStart
  acc[at + F.churned_voluntary] += voluntary
  acc[at + F.churned_involuntary] += involuntary
  acc[at + F.active_end] += activeEnd
  return true
}

/** Indexes into a revenue accumulator, in rollup_revenue's column order (see migration 007). */
const R = { start_mrr: 0, end_mrr: 1, churned_mrr: 2, contraction_mrr: 3, expansion_mrr: 4, new_mrr: 5, paying_start: 6, paying_end: 7, lost_mrr: 8, present_mrr: 9 }
export const REVENUE_WIDTH = 10

/**
 * Adds one customer's revenue movement in a window to `acc` from index `at`, as the revenue family computes it
 * (src/query/families/revenue-flow.ts): s = MRR of the month before the window; e = MRR of its last
 * billed month if still active at its end; lost = last billed MRR before each churn in it; present =
 * the largest MRR billed in it. False when the customer has no snapshot row in the window (the raw
 * query has no row for them then).
 */
export function addRevenue(acc: Float64Array, at: number, h: CustomerHistory, w: RollupWindow): boolean {
  let activeAtStart = false
  let activeAtEnd = false
  let lost = 0
  let lostRow = false
  for (const sp of h.spells) {
    if (sp.start < w.start && (sp.end === null || sp.end >= w.start)) activeAtStart = true
    if (sp.start < w.end && (sp.end === null || sp.end >= w.end)) activeAtEnd = true
    if (sp.end !== null && sp.end >= w.start && sp.end < w.end) {
      const m = h.mrr.get(startOfMonth(addDays(sp.end, -1)))
      if (m !== undefined) {
        lost += m
        lostRow = true
      }
    }
  }
  const sRow = activeAtStart ? h.mrr.get(w.startMonth) : undefined
  const eRow = activeAtEnd ? h.mrr.get(w.endMonth) : undefined
  // Rows that are not the present snapshot carry present = 0 into the raw query's max().
  let present = sRow !== undefined || eRow !== undefined || lostRow ? 0 : Number.NEGATIVE_INFINITY
  for (const m of w.months) {
    const v = h.mrr.get(m)
    if (v !== undefined && v > present) present = v
  }
  if (present === Number.NEGATIVE_INFINITY) return false
  const s = sRow ?? 0
  const e = eRow ?? 0
  acc[at + R.start_mrr] += s
  acc[at + R.end_mrr] += e
  if (s > 0 && e <= 0) acc[at + R.churned_mrr] += s
  if (s > 0 && e > 0 && e < s) acc[at + R.contraction_mrr] += s - e
  if (s > 0 && e > s) acc[at + R.expansion_mrr] += e - s
  if (s <= 0 && e > 0) acc[at + R.new_mrr] += e
  if (s > 0) acc[at + R.paying_start] += 1
  if (e > 0) acc[at + R.paying_end] += 1
  acc[at + R.lost_mrr] += lost
  acc[at + R.present_mrr] += present
  return true
}

/**
 * Indexes of the monthly figures, in rollup_monthly's column order: activity rows and their sums
 * (src/query/families/engagement.ts), tickets opened, resolved and their hours (tickets.ts), NPS
 * answers with a rating, promoters 9–10 and detractors 0–6 (nps.ts). Rows, not customers, so a
 * bucket's figures are the sums of its months'.
 */
export const M = { customer_months: 0, logins: 1, active_seats: 2, key_feature_uses: 3, tickets: 4, tickets_resolved: 5, resolution_hours: 6, nps_responses: 7, promoters: 8, detractors: 9 }
export const MONTHLY_WIDTH = 10

/** A customer's figures for one month, created on first use. */
export function monthOf(h: CustomerHistory, month: string): Float64Array {
  h.monthly ??= new Map()
  let v = h.monthly.get(month)
  if (!v) h.monthly.set(month, (v = new Float64Array(MONTHLY_WIDTH)))
  return v
}
