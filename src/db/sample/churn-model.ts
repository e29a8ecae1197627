import type { ReasonId } from '../../catalog/reasons.js'
import { daysInMonth, MONTH_COUNT, monthIndex } from './calendar.js'
import type { SampleCustomer } from './customers.js'
import { reasonPhrase } from './reason-phrases.js'
import { channels, companySizes, contracts, plans } from './segments.js'

/** Month index of Starter's price increase (2025-04-01). */
export const STARTER_PRICE_INCREASE = monthIndex('2025-04-01')
/** Month index from which APAC support falls behind (2025-07-01). */
export const APAC_SUPPORT_TROUBLE = monthIndex('2025-07-01')
/** Month indexes of the education policy shock (2026-01..2026-03). */
export const EDUCATION_POLICY = [monthIndex('2026-01-01'), monthIndex('2026-03-01')] as const

/** Monthly voluntary hazard of an average account before multipliers; tuned so overall logo churn lands near 2.4%/month. */
const BASE_VOLUNTARY = 0.014
/** Monthly involuntary (payment failure) hazard for monthly-billed accounts. */
const BASE_INVOLUNTARY = 0.004

/** Why voluntary churners leave when nothing special is going on (shares of the voluntary hazard). */
const reasonMix: Record<Exclude<ReasonId, 'payment_failed'>, number> = {
  price: 0.18, support: 0.12, product_quality: 0.13, missing_features: 0.14, competitor: 0.14,
  onboarding: 0.07, relationship: 0.07, business_change: 0.1, policy_change: 0.01, other: 0.04,
}
const voluntaryReasons = Object.keys(reasonMix) as Array<keyof typeof reasonMix>

/** A subscription spell as month index + day; `end*` null while still active. */
export type Spell = {
  startMonth: number
  startDay: number
  endMonth: number | null
  endDay: number | null
  isReactivation: boolean
  churnType: 'voluntary' | 'involuntary' | null
  reason: ReasonId | null
  reasonText: string | null
}

/** Reasons in the order hazards are stored (voluntary ones, then payment_failed). */
const hazardReasons: ReasonId[] = [...voluntaryReasons, 'payment_failed']
const idx = Object.fromEntries(hazardReasons.map((r, i) => [r, i])) as Record<ReasonId, number>

/**
 * Fills `out` (indexed like hazardReasons) with each reason's monthly hazard for this customer
 * in month `m`, `tenure` months into the spell, and returns their sum. Writes into a reused
 * array because it runs once per customer-month.
 */
export function reasonHazards(c: SampleCustomer, m: number, tenure: number, out: Float64Array): number {
  const tenureFactor = tenure <= 3 ? 1.5 : tenure < 12 ? 1 : 0.8
  const hv = BASE_VOLUNTARY * plans[c.plan].churn * companySizes[c.size].churn * channels[c.channel].churn
    * contracts[c.contract].churn * tenureFactor * Math.exp(-0.35 * c.health)
  for (let i = 0; i < voluntaryReasons.length; i++) out[i] = hv * reasonMix[voluntaryReasons[i]]
  // New accounts that never get going leave over onboarding; big accounts notice neglect.
  if (tenure <= 3) out[idx.onboarding] *= 3
  if (c.plan === 'Pro' || c.plan === 'Enterprise') out[idx.relationship] *= 1.6
  // Built-in stories (data/README.md): each adds hazard under one reason, so it shows in the reasons too.
  if (c.region === 'APAC' && m >= APAC_SUPPORT_TROUBLE) out[idx.support] += hv * 1.4
  if (c.plan === 'Starter' && m >= STARTER_PRICE_INCREASE) out[idx.price] += hv * 0.9
  if (c.industry === 'Education' && m >= EDUCATION_POLICY[0] && m <= EDUCATION_POLICY[1]) out[idx.policy_change] += hv * 3
  out[idx.payment_failed] = BASE_INVOLUNTARY * (c.contract === 'Annual' ? 0.3 : 1)
  let total = 0
  for (let i = 0; i < out.length; i++) total += out[i]
  return total
}

const hazards = new Float64Array(hazardReasons.length)

/** Runs one spell forward from its start month; returns the churn month and reason, or null if still active. */
function runSpell(c: SampleCustomer, startMonth: number): { month: number; reason: ReasonId } | null {
  for (let m = startMonth + 1; m < MONTH_COUNT; m++) {
    const total = reasonHazards(c, m, m - startMonth, hazards)
    if (!c.rng.chance(1 - Math.exp(-total))) continue
    let pick = c.rng.next() * total
    for (let i = 0; i < hazards.length; i++) {
      pick -= hazards[i]
      if (pick < 0) return { month: m, reason: hazardReasons[i] }
    }
    return { month: m, reason: 'other' }
  }
  return null
}

/**
 * The customer's subscription history: a first spell from signup, churn by competing monthly
 * hazards, and for some churners one reactivation a few months later.
 */
export function simulateSpells(c: SampleCustomer): Spell[] {
  const spells: Spell[] = []
  let startMonth = c.signupMonth
  let startDay = c.signupDay
  for (let n = 0; n < 2; n++) {
    const churn = runSpell(c, startMonth)
    const spell: Spell = {
      startMonth, startDay, endMonth: null, endDay: null, isReactivation: n > 0, churnType: null, reason: null, reasonText: null,
    }
    spells.push(spell)
    if (!churn) break
    spell.endMonth = churn.month
    spell.endDay = c.rng.int(1, daysInMonth(churn.month))
    spell.churnType = churn.reason === 'payment_failed' ? 'involuntary' : 'voluntary'
    spell.reason = churn.reason
    spell.reasonText = reasonPhrase(c.rng, churn.reason, c.plan === 'Starter' && churn.month >= STARTER_PRICE_INCREASE)
    // Failed payments are often fixed and the account comes back; deliberate leavers rarely do.
    if (!c.rng.chance(churn.reason === 'payment_failed' ? 0.3 : 0.075)) break
    startMonth = churn.month + c.rng.int(1, 6)
    if (startMonth >= MONTH_COUNT) break
    startDay = c.rng.int(1, daysInMonth(startMonth))
  }
  return spells
}
