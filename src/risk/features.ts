import { addMonths, monthsBetween } from '../time/dates.js'
import type { CustomerHistory, History } from './load-history.js'

/** Numeric behaviour features, each computed only from rows dated strictly before the prediction date. */
export const numericFeatureIds = [
  'tenure_months', 'new_customer', 'tenure_over_12', 'log_mrr', 'mrr_change_3m', 'contraction_3m',
  'logins_3m', 'login_trend', 'logins_per_seat', 'feature_use_trend', 'months_inactive',
  'tickets_3m', 'billing_tickets_3m', 'resolution_hours_6m', 'open_tickets',
  'nps_last', 'nps_detractor', 'low_review', 'reactivated',
] as const
export type NumericFeatureId = (typeof numericFeatureIds)[number]

/** Which features need which table to hold rows (a feature of an empty table is left out). */
export const featureSource: Record<NumericFeatureId, 'always' | 'activity' | 'tickets' | 'nps'> = {
  tenure_months: 'always', new_customer: 'always', tenure_over_12: 'always', log_mrr: 'always', mrr_change_3m: 'always', contraction_3m: 'always',
  logins_3m: 'activity', login_trend: 'activity', logins_per_seat: 'activity', feature_use_trend: 'activity', months_inactive: 'activity',
  tickets_3m: 'tickets', billing_tickets_3m: 'tickets', resolution_hours_6m: 'tickets', open_tickets: 'tickets',
  nps_last: 'nps', nps_detractor: 'nps', low_review: 'nps', reactivated: 'always',
}

/** A customer's raw feature values at a date (NaN = unknown; imputed by the training mean later). */
export type RawFeatures = Record<string, number>

/** The open spell at `d` (start ≤ d < end), if any: who can churn in the month from d. */
export function spellAt(c: CustomerHistory, d: string) {
  return c.spells.find((s) => s.start <= d && (s.end === null || s.end > d))
}

/** The 12 month starts before d, index k = k months earlier (index 0 is d itself). */
export function monthsBefore(d: string): string[] {
  return Array.from({ length: 13 }, (_, k) => addMonths(d, -k))
}

/** Last recorded MRR before `d` (the month before, or the latest earlier one within a year). */
export function mrrBefore(c: CustomerHistory, d: string, before: string[] = monthsBefore(d)): number {
  for (let k = 1; k <= 12; k++) {
    const v = c.mrr.get(before[k])
    if (v !== undefined) return v
  }
  return 0
}

/**
 * Raw features of one customer at prediction date `d` (a month's first day). Reads only activity
 * and MRR months before d, tickets opened before d (resolution time only if resolved before d),
 * ratings dated before d: nothing from d on can reach a prediction for d.
 */
export function featuresAt(c: CustomerHistory, d: string, history: Pick<History, 'has' | 'measureNames'>, before: string[] = monthsBefore(d)): RawFeatures {
  const month = (k: number) => before[k]
  const f: RawFeatures = {}
  const tenure = Math.max(0, monthsBetween(c.signup, d))
  f.tenure_months = tenure
  f.new_customer = tenure < 3 ? 1 : 0
  f.tenure_over_12 = tenure >= 12 ? 1 : 0
  const mrr1 = c.mrr.get(month(1)) ?? 0
  const mrr4 = c.mrr.get(month(4))
  f.log_mrr = Math.log1p(mrrBefore(c, d))
  f.mrr_change_3m = mrr4 && mrr4 > 0 && mrr1 > 0 ? Math.max(-1, Math.min(1, (mrr1 - mrr4) / mrr4)) : 0
  let contraction = 0
  for (let k = 1; k <= 3; k++) {
    const a = c.mrr.get(month(k))
    const b = c.mrr.get(month(k + 1))
    if (a !== undefined && b !== undefined && a > 0 && a < b) contraction = 1
  }
  f.contraction_3m = contraction
  if (history.has.activity) {
    const recent = [1, 2, 3].map((k) => c.activity.get(month(k)))
    const before = [4, 5, 6, 7, 8, 9].map((k) => c.activity.get(month(k)))
    const mean = (xs: Array<{ logins: number; seats: number; keyUses: number } | undefined>, pick: (a: { logins: number; seats: number; keyUses: number }) => number) => {
      const known = xs.filter((x) => x !== undefined)
      return known.length ? known.reduce((s, x) => s + pick(x!), 0) / known.length : NaN
    }
    const l3 = mean(recent, (a) => a.logins)
    const lp = mean(before, (a) => a.logins)
    const s3 = mean(recent, (a) => a.seats)
    f.logins_3m = Number.isNaN(l3) ? NaN : Math.log1p(l3)
    f.login_trend = Number.isNaN(l3) || Number.isNaN(lp) ? 0 : Math.log((l3 + 1) / (lp + 1))
    f.logins_per_seat = Number.isNaN(l3) ? NaN : l3 / Math.max(1, s3)
    const k3 = mean(recent, (a) => a.keyUses)
    const kp = mean(before, (a) => a.keyUses)
    f.feature_use_trend = Number.isNaN(k3) || Number.isNaN(kp) ? 0 : Math.log((k3 + 1) / (kp + 1))
    let inactive = 0
    while (inactive < 12 && inactive < tenure) {
      const a = c.activity.get(month(inactive + 1))
      if (a && a.logins > 0) break
      inactive++
    }
    f.months_inactive = inactive
  }
  if (history.has.tickets) {
    const from3 = month(3)
    const from6 = month(6)
    let t3 = 0
    let billing = 0
    let open = 0
    let hours = 0
    let resolved = 0
    for (const t of c.tickets) {
      if (t.opened >= d || t.opened < from6) continue
      if (t.opened >= from3) {
        t3++
        if (t.category === 'billing') billing++
      }
      if (t.resolved === null || t.resolved >= d) open++
      else {
        hours += Math.log1p(t.hours!)
        resolved++
      }
    }
    f.tickets_3m = t3
    f.billing_tickets_3m = billing
    f.open_tickets = open
    f.resolution_hours_6m = resolved ? hours / resolved : NaN
  }
  if (history.has.nps) {
    let nps: number | undefined
    let review: number | undefined
    for (const r of c.ratings) {
      if (r.date >= d) break
      if (r.source === 'nps') nps = r.rating
      else review = r.rating
    }
    f.nps_last = nps ?? NaN
    f.nps_detractor = nps !== undefined && nps <= 6 ? 1 : 0
    f.low_review = review !== undefined && review <= 2 ? 1 : 0
  }
  f.reactivated = spellAt(c, d)?.reactivation ? 1 : 0
  for (const m of history.measureNames) f[`measure:${m}`] = c.measures[m] ?? NaN
  return f
}
