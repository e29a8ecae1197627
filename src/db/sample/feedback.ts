import type { ReasonId } from '../../catalog/reasons.js'
import { addDays, AS_OF, dateInMonth, daysInMonth } from './calendar.js'
import { APAC_SUPPORT_TROUBLE, STARTER_PRICE_INCREASE } from './churn-model.js'
import { exitInterviewText, injectionText, npsText, reviewText, ticketCommentText } from './compose-feedback.js'
import type { SampleCustomer } from './customers.js'
import type { ActiveMonth, Usage } from './monthly-usage.js'
import type { SampleTicket } from './tickets.js'

/** A generated feedback row (without its customer id). */
export type SampleFeedback = {
  date: string
  source: 'nps' | 'exit_interview' | 'support_ticket' | 'review'
  rating: number | null
  text: string
  language: 'en' | 'zh'
}

/** What happy-enough customers grumble about when nothing in particular is wrong. */
const everydayGripes: Partial<Record<ReasonId, number>> = {
  price: 3, support: 2, product_quality: 3, missing_features: 4, onboarding: 2, relationship: 1,
}

/** Every ~997th customer carries one prompt-injection text (see data/README.md). */
export function carriesInjection(index: number): boolean {
  return index % 997 === 500
}

function gripeFor(c: SampleCustomer, am: ActiveMonth): ReasonId {
  const spell = am.spell
  if (spell.churnType === 'voluntary' && am.monthsToChurn !== null && am.monthsToChurn <= 4 && spell.reason !== 'other') return spell.reason!
  if (c.region === 'APAC' && am.month >= APAC_SUPPORT_TROUBLE && c.rng.chance(0.6)) return 'support'
  if (c.plan === 'Starter' && am.month >= STARTER_PRICE_INCREASE && c.rng.chance(0.5)) return 'price'
  return c.rng.weighted(everydayGripes as Record<ReasonId, number>)
}

/** An NPS score: churn-bound and troubled accounts lean to detractor, healthy ones to promoter. */
function npsScore(c: SampleCustomer, am: ActiveMonth): number {
  const rng = c.rng
  const churnBound = am.spell.churnType === 'voluntary' && am.monthsToChurn !== null && am.monthsToChurn <= 4
  let detractor = churnBound ? 0.7 : 0.22 - 0.06 * c.health
  if (c.region === 'APAC' && am.month >= APAC_SUPPORT_TROUBLE) detractor += 0.15
  if (c.plan === 'Starter' && am.month >= STARTER_PRICE_INCREASE) detractor += 0.1
  const promoter = churnBound ? 0.1 : Math.max(0.15, 0.5 + 0.08 * c.health - detractor / 2)
  const r = rng.next()
  if (r < detractor) return rng.pick([0, 1, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 6])
  if (r < detractor + promoter) return rng.chance(0.55) ? 9 : 10
  return rng.chance(0.5) ? 7 : 8
}

function dayInSpell(c: SampleCustomer, am: ActiveMonth): string | null {
  const first = am.month === am.spell.startMonth ? am.spell.startDay : 1
  const last = am.month === am.spell.endMonth ? am.spell.endDay! - 1 : daysInMonth(am.month)
  return last < first ? null : dateInMonth(am.month, c.rng.int(first, last))
}

/**
 * Feedback for one customer: NPS surveys every six months of tenure (35% answer), exit
 * interviews after most voluntary churns, comments on some resolved tickets, and a few reviews.
 */
export function simulateFeedback(c: SampleCustomer, usage: Usage, tickets: SampleTicket[]): SampleFeedback[] {
  const rng = c.rng
  const language = c.language
  const out: SampleFeedback[] = []
  for (const am of usage.months) {
    const tenure = am.month - am.spell.startMonth
    if (tenure % 6 !== 2 || !rng.chance(0.35)) continue
    const date = dayInSpell(c, am)
    if (!date) continue
    const score = npsScore(c, am)
    out.push({ date, source: 'nps', rating: score, text: npsText(rng, language, score, gripeFor(c, am)), language })
  }
  for (const t of tickets) {
    if (t.hours === null) continue
    const slow = t.hours > 48
    if (!rng.chance(slow ? 0.3 : 0.1)) continue
    const date = addDays(t.openedDate, Math.ceil(t.hours / 24))
    out.push({ date, source: 'support_ticket', rating: null, text: ticketCommentText(rng, language, t.category, slow), language })
  }
  const spells = [...new Set(usage.months.map((m) => m.spell))]
  for (const spell of spells) {
    if (spell.endMonth === null || !spell.reason) continue
    const endDate = dateInMonth(spell.endMonth, spell.endDay!)
    if (rng.chance(spell.churnType === 'voluntary' ? 0.55 : 0.2)) {
      const date = addDays(endDate, rng.int(0, 10))
      const vague = spell.reason === 'other' || rng.chance(0.08)
      if (date < AS_OF) out.push({ date, source: 'exit_interview', rating: null, text: exitInterviewText(rng, language, spell.reason, vague), language })
    }
    if (spell.churnType === 'voluntary' && spell.reason !== 'other' && rng.chance(0.1)) {
      const date = addDays(endDate, rng.int(0, 30))
      const stars = rng.chance(0.6) ? 1 : 2
      if (date < AS_OF) out.push({ date, source: 'review', rating: stars, text: reviewText(rng, language, stars, spell.reason), language })
    }
  }
  if (rng.chance(0.05)) {
    const am = rng.pick(usage.months)
    const date = dayInSpell(c, am)
    const stars = rng.weighted({ 5: 40, 4: 35, 3: 15, 2: 10 })
    if (date) out.push({ date, source: 'review', rating: Number(stars), text: reviewText(rng, language, Number(stars), gripeFor(c, am)), language })
  }
  if (carriesInjection(c.index)) {
    const start = dateInMonth(c.signupMonth, c.signupDay)
    const date = addDays(start, 10) < AS_OF ? addDays(start, 10) : addDays(AS_OF, -1)
    out.push({ date, source: 'review', rating: 5, text: injectionText(rng, language), language })
  }
  return out
}
