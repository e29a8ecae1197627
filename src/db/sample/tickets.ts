import { addDays, AS_OF, dateInMonth, daysInMonth } from './calendar.js'
import { APAC_SUPPORT_TROUBLE } from './churn-model.js'
import type { SampleCustomer } from './customers.js'
import type { Usage } from './monthly-usage.js'
import { plans } from './segments.js'

/** Ticket categories with their usual share and median hours to resolve. */
export const ticketCategories = {
  'how-to': { weight: 30, medianHours: 5 },
  bug: { weight: 22, medianHours: 26 },
  billing: { weight: 15, medianHours: 8 },
  'feature-request': { weight: 13, medianHours: 60 },
  outage: { weight: 8, medianHours: 3 },
} as const
/** A ticket category. */
export type TicketCategory = keyof typeof ticketCategories

/** A generated support ticket; hours null while still open at the snapshot. */
export type SampleTicket = { openedDate: string; category: TicketCategory; hours: number | null }

const baseWeights = Object.fromEntries(Object.entries(ticketCategories).map(([k, v]) => [k, v.weight])) as Record<TicketCategory, number>

/** Before a churn, tickets pile up in the category behind the reason. */
const reasonCategory: Partial<Record<string, TicketCategory>> = {
  product_quality: 'bug', support: 'how-to', missing_features: 'feature-request', price: 'billing', onboarding: 'how-to', payment_failed: 'billing',
}

/**
 * Tickets for each active month: a Poisson count by plan, more in the months before a churn,
 * and from 2025-07 APAC tickets take about four times as long to resolve (the support backlog story).
 */
export function simulateTickets(c: SampleCustomer, usage: Usage): SampleTicket[] {
  const rng = c.rng
  const tickets: SampleTicket[] = []
  for (const am of usage.months) {
    const { spell, month } = am
    const preChurn = am.monthsToChurn !== null && am.monthsToChurn <= 2 ? spell.reason ?? undefined : undefined
    const apacTrouble = c.region === 'APAC' && month >= APAC_SUPPORT_TROUBLE
    const lambda = plans[c.plan].ticketsPerMonth * (preChurn && reasonCategory[preChurn] ? 2.5 : 1) * (apacTrouble ? 1.3 : 1)
    const count = rng.poisson(lambda)
    if (count === 0) continue
    const firstDay = month === spell.startMonth ? spell.startDay : 1
    const lastDay = month === spell.endMonth ? spell.endDay! - 1 : daysInMonth(month)
    if (lastDay < firstDay) continue
    for (let i = 0; i < count; i++) {
      const favoured = preChurn ? reasonCategory[preChurn] : undefined
      const category = favoured && rng.chance(0.6) ? favoured : rng.weighted(baseWeights)
      const openedDate = dateInMonth(month, rng.int(firstDay, lastDay))
      let hours = rng.logNormal(ticketCategories[category].medianHours, 0.8)
      if (c.plan === 'Enterprise') hours *= 0.6
      if (apacTrouble) hours *= 4
      hours = Math.max(0.2, Math.round(hours * 10) / 10)
      const resolvedBy = addDays(openedDate, Math.ceil(hours / 24))
      tickets.push({ openedDate, category, hours: resolvedBy >= AS_OF ? null : hours })
    }
  }
  return tickets
}
