import { addDays, AS_OF, dateInMonth, daysInMonth, MONTH_COUNT } from './calendar.js'
import type { Spell } from './churn-model.js'
import { STARTER_PRICE_INCREASE } from './churn-model.js'
import type { SampleCustomer } from './customers.js'
import { ANNUAL_DISCOUNT, companySizes, plans, STARTER_PRICE_AFTER_INCREASE } from './segments.js'

/** One month in which the customer had an active subscription, with what it paid and how it used the product. */
export type ActiveMonth = {
  month: number
  spell: Spell
  seats: number
  mrr: number
  activeSeats: number
  logins: number
  keyFeatureUses: number
  /** Months until this spell's churn month (0 = the churn month), null if the spell is still open. */
  monthsToChurn: number | null
}

/** The customer's paying months plus the last day it was seen in the product. */
export type Usage = { months: ActiveMonth[]; lastActiveDate: string }

/** Engagement in the months before a voluntary churn: people stop logging in before they cancel. */
const preChurnEngagement = [0.3, 0.45, 0.65, 0.85]

function laterOf(a: string, b: string): string {
  return a > b ? a : b
}

function seatPrice(c: SampleCustomer, m: number): number {
  const list = c.plan === 'Starter' && m >= STARTER_PRICE_INCREASE ? STARTER_PRICE_AFTER_INCREASE : plans[c.plan].seatPrice
  return c.contract === 'Annual' ? list * ANNUAL_DISCOUNT : list
}

function startingSeats(c: SampleCustomer): number {
  const [lo, hi] = plans[c.plan].seatRange
  const seats = Math.round(Math.exp(c.rng.between(Math.log(lo), Math.log(hi))) * companySizes[c.size].seats)
  return Math.min(hi, Math.max(lo, seats))
}

/**
 * Walks every active month of every spell: seats grow (expansion) or shrink (contraction,
 * more often just before a churn), MRR follows seats × price, and activity fades before churn.
 * About 4% of still-active accounts go silent: they pay but stopped logging in months ago.
 */
export function simulateUsage(c: SampleCustomer, spells: Spell[]): Usage {
  const rng = c.rng
  const months: ActiveMonth[] = []
  const maxSeats = plans[c.plan].seatRange[1] * 2
  const baseEngagement = Math.exp(0.25 * c.health)
  const activeShare = Math.min(0.95, Math.max(0.25, 0.62 + 0.1 * c.health))
  const last = spells[spells.length - 1]
  const silentFrom = last.endMonth === null && rng.chance(0.04) ? Math.max(last.startMonth + 1, MONTH_COUNT - rng.int(3, 7)) : MONTH_COUNT
  let lastActive = dateInMonth(c.signupMonth, c.signupDay)

  for (const spell of spells) {
    let seats = startingSeats(c)
    // A spell ending on the 1st (end_date exclusive) does not cover that month at all.
    const end = spell.endMonth === null ? MONTH_COUNT - 1 : spell.endDay === 1 ? spell.endMonth - 1 : spell.endMonth
    for (let m = spell.startMonth; m <= end; m++) {
      const toChurn = spell.endMonth === null ? null : spell.endMonth - m
      const fading = spell.churnType === 'voluntary' && toChurn !== null && toChurn < preChurnEngagement.length
      if (m > spell.startMonth) {
        if (rng.chance(fading ? 0.01 : 0.045)) seats = Math.min(maxSeats, Math.max(seats + 1, Math.round(seats * rng.between(1.05, 1.3))))
        else if (rng.chance(fading ? 0.15 : 0.018)) seats = Math.max(1, Math.round(seats * rng.between(0.65, 0.9)))
      }
      let engagement = baseEngagement * rng.logNormal(1, 0.15)
      if (fading) engagement *= preChurnEngagement[toChurn]
      else if (toChurn === 0) engagement *= 0.8
      if (m >= silentFrom) engagement = 0
      const activeSeats = engagement === 0 ? 0 : Math.max(1, Math.round(seats * activeShare * Math.min(1, 0.5 + 0.5 * engagement)))
      const logins = Math.round(activeSeats * rng.between(9, 15) * engagement)
      const keyFeatureUses = Math.round(logins * rng.between(0.2, 0.4) * Math.min(1.2, engagement))
      const mrr = Math.round(seats * seatPrice(c, m) * 100) / 100
      months.push({ month: m, spell, seats, mrr, activeSeats, logins, keyFeatureUses, monthsToChurn: toChurn })
    }
    if (spell.endMonth !== null) {
      // Last seen a few days to three weeks before the cancellation took effect.
      lastActive = laterOf(addDays(dateInMonth(spell.endMonth, spell.endDay!), -rng.int(1, 20)), dateInMonth(spell.startMonth, spell.startDay))
    }
  }
  if (last.endMonth === null) {
    const seen = silentFrom < MONTH_COUNT
      ? dateInMonth(silentFrom - 1, rng.int(1, daysInMonth(silentFrom - 1)))
      : addDays(AS_OF, -rng.int(1, 12))
    lastActive = laterOf(seen, dateInMonth(last.startMonth, last.startDay))
  }
  return { months, lastActiveDate: lastActive }
}
