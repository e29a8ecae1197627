import type { Insertable } from 'kysely'
import type { Database } from '../schema.js'
import { dateInMonth, monthStart } from './calendar.js'
import { simulateSpells } from './churn-model.js'
import type { SampleCustomer } from './customers.js'
import { simulateFeedback } from './feedback.js'
import { simulateUsage } from './monthly-usage.js'
import { simulateTickets } from './tickets.js'

/** The tables the generator fills, in insert order. */
export const sampleTables = ['customers', 'customer_attributes', 'subscriptions', 'mrr_history', 'activity', 'tickets', 'feedback'] as const
/** One of the generated tables. */
export type SampleTable = (typeof sampleTables)[number]

/** Rows waiting to be inserted, per table. */
export type SampleRows = { [T in SampleTable]: Array<Insertable<Database[T]>> }

/** An empty set of row buffers. */
export function emptyRows(): SampleRows {
  return { customers: [], customer_attributes: [], subscriptions: [], mrr_history: [], activity: [], tickets: [], feedback: [] }
}

/** Simulates one customer's whole history and appends its rows to `rows`. */
export function appendCustomerRows(rows: SampleRows, c: SampleCustomer): void {
  const spells = simulateSpells(c)
  const usage = simulateUsage(c, spells)
  const tickets = simulateTickets(c, usage)
  const feedback = simulateFeedback(c, usage, tickets)
  const customer_id = c.id

  rows.customers.push({
    id: customer_id,
    name: c.name,
    signup_date: dateInMonth(c.signupMonth, c.signupDay),
    plan: c.plan,
    region: c.region,
    channel: c.channel,
    industry: c.industry,
    company_size: c.size,
    acquisition_cost: c.acquisitionCost,
    last_active_date: usage.lastActiveDate,
  })
  rows.customer_attributes.push({ customer_id, dimension: 'contract', value: c.contract })
  for (const s of spells) {
    rows.subscriptions.push({
      customer_id,
      start_date: dateInMonth(s.startMonth, s.startDay),
      end_date: s.endMonth === null ? null : dateInMonth(s.endMonth, s.endDay!),
      is_reactivation: s.isReactivation ? 1 : 0,
      churn_type: s.churnType,
      reason_code: s.reason,
      reason_text: s.reasonText,
    })
  }
  for (const m of usage.months) {
    const month = monthStart(m.month)
    rows.mrr_history.push({ customer_id, month, mrr: m.mrr })
    rows.activity.push({ customer_id, month, logins: m.logins, active_seats: m.activeSeats, key_feature_uses: m.keyFeatureUses })
  }
  for (const t of tickets) rows.tickets.push({ customer_id, opened_date: t.openedDate, category: t.category, hours_to_resolve: t.hours })
  for (const f of feedback) rows.feedback.push({ customer_id, ...f })
}
