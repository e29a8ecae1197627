import { addDays, addMonths } from '../../time/dates.js'
import type { ChurnWindow, TenureUnit } from './mapping-schema.js'

/** Largest tenure accepted per unit: 100 years. More is a unit mistake, not a customer. */
export const maxTenure: Record<TenureUnit, number> = { days: 36_525, weeks: 5_218, months: 1_200, years: 100 }

/**
 * The date `tenure` units before `asOf`: whole months and years by calendar, fractions and
 * days/weeks by days (a month is 30.4375 days on average).
 */
export function tenureStart(asOf: string, tenure: number, unit: TenureUnit): string {
  const months = unit === 'months' ? tenure : unit === 'years' ? tenure * 12 : undefined
  if (months !== undefined && Number.isInteger(months)) return addMonths(asOf, -months)
  const days = months !== undefined ? months * 30.4375 : unit === 'weeks' ? tenure * 7 : tenure
  return addDays(asOf, -Math.round(days))
}

/** A tenure in months (for spreading lifetime revenue). */
export function tenureMonths(tenure: number, unit: TenureUnit): number {
  return unit === 'months' ? tenure : unit === 'years' ? tenure * 12 : unit === 'weeks' ? (tenure * 7) / 30.4375 : tenure / 30.4375
}

/** The churn window [from, to) of a snapshot taken on asOf. */
export function snapshotWindow(asOf: string, window: ChurnWindow): { from: string; to: string } {
  const from = window === 'month' ? addMonths(asOf, -1) : window === 'quarter' ? addMonths(asOf, -3) : window === 'year' ? addMonths(asOf, -12) : addDays(asOf, -window)
  return { from, to: asOf }
}
