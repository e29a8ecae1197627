import { addDays, addMonths, startOfMonth } from '../time/dates.js'
import type { Example } from './design.js'
import { featuresAt, monthsBefore, mrrBefore, spellAt } from './features.js'
import type { History } from './load-history.js'
import { addSegmentRates, type SegmentRate } from './segment-rates.js'

/** Prediction horizon the model is trained for: churn within the month from the prediction date. */
export const HORIZON_MONTHS = 1

/**
 * One example per customer with an open spell at `d`; label 1 when that spell ends within the
 * month from d (end ≤ d + 1 month, so a churn dated the 1st of the next month counts here).
 */
export function examplesAt(history: History, d: string, keep?: (customerId: string) => boolean): Example[] {
  const out: Example[] = []
  const until = addMonths(d, HORIZON_MONTHS)
  const before = monthsBefore(d)
  for (const c of history.customers.values()) {
    if (keep && !keep(c.id)) continue
    const spell = spellAt(c, d)
    if (!spell) continue
    out.push({ customerId: c.id, date: d, raw: featuresAt(c, d, history, before), dims: c.dims, label: spell.end !== null && spell.end <= until ? 1 : 0, mrr: mrrBefore(c, d, before) })
  }
  return out
}

/** Like examplesAt without the features: customer, dimensions and outcome only (cheap). */
export function outcomesOnlyAt(history: History, d: string, keep?: (customerId: string) => boolean): Example[] {
  const out: Example[] = []
  const until = addMonths(d, HORIZON_MONTHS)
  for (const c of history.customers.values()) {
    if (keep && !keep(c.id)) continue
    const spell = spellAt(c, d)
    if (spell) out.push({ customerId: c.id, date: d, raw: {}, dims: c.dims, label: spell.end !== null && spell.end <= until ? 1 : 0, mrr: 0 })
  }
  return out
}

/** How the data is dated: many churn months (train on earlier months) or one (a snapshot file). */
export type DataShape = { mode: 'dated'; dates: string[] } | { mode: 'snapshot'; date: string }

/**
 * Dated data: every month whose outcome month has closed by the as-of date, from the second
 * month of the data on. Snapshot data (all churn in one month, e.g. a "churned last month" flag):
 * the single date at that month's start.
 */
export function dataShape(history: History, asOf: string): DataShape {
  const churnMonths = new Set<string>()
  let first = asOf
  for (const c of history.customers.values()) {
    if (c.signup < first) first = c.signup
    for (const s of c.spells) if (s.end) churnMonths.add(startOfMonth(addDays(s.end, -1)))
  }
  if (churnMonths.size <= 1) return { mode: 'snapshot', date: [...churnMonths][0] ?? startOfMonth(addMonths(asOf, -1)) }
  const dates: string[] = []
  for (let d = addMonths(startOfMonth(first), 1); addMonths(d, HORIZON_MONTHS) <= asOf; d = addMonths(d, 1)) dates.push(d)
  return { mode: 'dated', dates }
}

/** The date current scores are made for: the as-of date's month start. */
export function scoringDate(asOf: string): string {
  return startOfMonth(asOf)
}

/** Examples by prediction date, computed once each; dated data also gets each segment's recent churn rate. */
export type ExampleSource = ((d: string) => Example[]) & { rates(d: string): Map<string, Map<string, SegmentRate>> | undefined }

/** A caching ExampleSource over a history (segment rates only for dated data: snapshots have no past outcomes). */
export function exampleSource(history: History, dims: string[], mode: 'dated' | 'snapshot', keep?: (customerId: string) => boolean): ExampleSource {
  const base = new Map<string, Example[]>()
  const enriched = new Map<string, Map<string, Map<string, SegmentRate>>>()
  const baseAt = (d: string) => {
    let ex = base.get(d)
    if (!ex) base.set(d, (ex = examplesAt(history, d, keep)))
    return ex
  }
  // Segment rates need only who was active and who left: past dates not built in full get a light list.
  const light = new Map<string, Example[]>()
  const outcomesAt = (d: string) => {
    const full = base.get(d)
    if (full) return full
    let ex = light.get(d)
    if (!ex) light.set(d, (ex = outcomesOnlyAt(history, d, keep)))
    return ex
  }
  const at = (d: string) => {
    const ex = baseAt(d)
    if (mode === 'dated' && !enriched.has(d)) enriched.set(d, addSegmentRates(ex, d, dims, outcomesAt))
    return ex
  }
  return Object.assign(at, { rates: (d: string) => enriched.get(d) })
}

/** Training reads at most this many customers' histories (memory and time stay bounded on large data sets). */
export const MAX_TRAINING_CUSTOMERS = 25_000

/** A deterministic customer sample of about `share` (FNV-1a hash of the id), the same on every run. */
export function customerSample(share: number): ((customerId: string) => boolean) | undefined {
  if (share >= 1) return undefined
  const cut = Math.floor(share * 0xffffffff)
  return (id) => {
    let h = 0x811c9dc5
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0
    return h <= cut
  }
}
