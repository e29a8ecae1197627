import type { Example, FeatureColumn } from './design.js'
import type { RiskModel } from './risk-model.js'

/** What a factor says, as data: the customer's own values behind it. */
export type FactorFacts =
  | { kind: 'tenure'; months: number }
  | { kind: 'mrr_level'; mrr: number }
  | { kind: 'mrr_change'; change: number; contraction: boolean }
  | { kind: 'engagement'; loginsPerMonth: number | null; loginChange: number | null; loginsPerSeat: number | null }
  | { kind: 'inactivity'; months: number }
  | { kind: 'tickets'; last3Months: number; open: number }
  | { kind: 'billing'; last3Months: number }
  | { kind: 'resolution'; hours: number | null }
  | { kind: 'nps'; score: number | null }
  | { kind: 'review'; low: boolean }
  | { kind: 'reactivated' }
  | { kind: 'segment'; dimension: string; value: string; relativeRate: number | null }
  | { kind: 'measure'; name: string; value: number | null }

/** One reason a customer's risk is raised: how much it adds (log-odds) and the facts behind it. */
export type RiskFactor = { group: string; contribution: number; facts: FactorFacts }

/**
 * Splits the log-odds into per-group contributions wⱼ·zⱼ (z standardised, so 0 = an average
 * customer) and keeps the groups that raise risk most. A dimension's levels form one group, so a
 * Monthly customer gets one "contract" factor, not "Monthly" plus "not Annual".
 */
export function topFactors(model: Pick<RiskModel, 'columns' | 'parameters'>, e: Pick<Example, 'raw' | 'dims'>, z: ArrayLike<number>, limit = 3): RiskFactor[] {
  const byGroup = new Map<string, number>()
  model.columns.forEach((c, j) => byGroup.set(c.group, (byGroup.get(c.group) ?? 0) + model.parameters.weights[j] * z[j]))
  return [...byGroup]
    .filter(([, v]) => v > 0.05)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([group, contribution]) => ({ group, contribution, facts: factsOf(group, e) }))
}

const num = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v)

function factsOf(group: string, e: Pick<Example, 'raw' | 'dims'>): FactorFacts {
  const r = e.raw
  if (group.startsWith('dim:')) {
    const dimension = group.slice(4)
    const lr = num(r[`segrate:${dimension}`])
    return { kind: 'segment', dimension, value: e.dims[dimension] ?? '', relativeRate: lr === null ? null : Math.exp(lr) }
  }
  if (group.startsWith('measure:')) return { kind: 'measure', name: group.slice(8), value: num(r[group]) }
  switch (group) {
    case 'tenure': return { kind: 'tenure', months: r.tenure_months }
    case 'mrr_level': return { kind: 'mrr_level', mrr: Math.expm1(r.log_mrr) }
    case 'mrr_change': return { kind: 'mrr_change', change: r.mrr_change_3m, contraction: r.contraction_3m === 1 }
    case 'engagement': {
      const l3 = num(r.logins_3m)
      return { kind: 'engagement', loginsPerMonth: l3 === null ? null : Math.expm1(l3), loginChange: num(r.login_trend) === null || r.login_trend === 0 ? null : Math.exp(r.login_trend) - 1, loginsPerSeat: num(r.logins_per_seat) }
    }
    case 'inactivity': return { kind: 'inactivity', months: r.months_inactive ?? 0 }
    case 'tickets': return { kind: 'tickets', last3Months: r.tickets_3m ?? 0, open: r.open_tickets ?? 0 }
    case 'billing': return { kind: 'billing', last3Months: r.billing_tickets_3m ?? 0 }
    case 'resolution': {
      const h = num(r.resolution_hours_6m)
      return { kind: 'resolution', hours: h === null ? null : Math.expm1(h) }
    }
    case 'nps': return { kind: 'nps', score: num(r.nps_last) }
    case 'review': return { kind: 'review', low: r.low_review === 1 }
    default: return { kind: 'reactivated' }
  }
}

/** The model's strongest effects, for "what drives risk": each column's standardised weight, largest first. */
export function modelDrivers(model: Pick<RiskModel, 'columns' | 'parameters'>, limit = 12): Array<{ column: FeatureColumn; weight: number }> {
  return model.columns
    .map((column, j) => ({ column, weight: model.parameters.weights[j] }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, limit)
}
