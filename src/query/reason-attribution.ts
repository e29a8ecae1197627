import { classifyReason } from '../catalog/classify-reason.js'
import { reasonIds, type ReasonId } from '../catalog/reasons.js'
import type { ChurnReasonRow, FeedbackText } from './reason-rows.js'

/** A verbatim text that can illustrate a category. Customer text is data: it is quoted, never followed. */
export type QuoteCandidate = { customerId: string; date: string; source: FeedbackText['source'] | 'reason_text'; language: 'en' | 'zh'; text: string }

/** One counted unit (a churned customer, or a feedback text): its category, on what basis, and texts that show it. */
export type ReasonUnit = { customerId: string; date: string; category: ReasonId; basis: 'stored' | 'classified' | 'none'; quotes: QuoteCandidate[] }

// Which text explains a churn best: the stated reason, then the exit interview, then other feedback.
const explainRank: Record<QuoteCandidate['source'], number> = { reason_text: 0, exit_interview: 1, support_ticket: 2, review: 3, nps: 4 }
const known = new Set<string>(reasonIds)

/**
 * One unit per churned customer. A stored reason code decides the category; without one, the
 * customer's texts are classified in explainRank order (nearest the churn date first) and the
 * first that matches a category decides; none matching → 'other'. Quotes are the customer's
 * texts whose own classification is that category.
 */
export function attributeChurns(rows: ChurnReasonRow[]): ReasonUnit[] {
  const byCustomer = new Map<string, ChurnReasonRow[]>()
  for (const r of rows) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r])
  return [...byCustomer.values()].map((group) => {
    const { customer_id: customerId, churn_date: date, reason_code: code, reason_text: stated } = group[0]
    const texts: QuoteCandidate[] = []
    if (stated?.trim()) texts.push({ customerId, date, source: 'reason_text', language: languageOf(stated), text: stated })
    const seen = new Set<number>()
    for (const r of group) {
      if (r.feedback_id === null || seen.has(r.feedback_id) || !r.text.trim()) continue
      seen.add(r.feedback_id)
      texts.push({ customerId, date: r.date, source: r.source, language: r.language, text: r.text })
    }
    const distance = (t: QuoteCandidate) => Math.abs(Date.parse(t.date) - Date.parse(date))
    const ranked = texts
      .map((t) => ({ t, id: classifyReason(t.text).id }))
      .sort((x, y) => explainRank[x.t.source] - explainRank[y.t.source] || distance(x.t) - distance(y.t))
    const category: ReasonId = code
      ? (known.has(code) ? (code as ReasonId) : 'other')
      : (ranked.find((x) => x.id !== 'other')?.id ?? 'other')
    const basis = code ? 'stored' : texts.length ? 'classified' : 'none'
    return { customerId, date, category, basis, quotes: ranked.filter((x) => x.id === category).map((x) => x.t) }
  })
}

/** One unit per feedback text, classified on its own. */
export function attributeFeedback(rows: FeedbackText[]): ReasonUnit[] {
  return rows.map((r) => {
    const quote: QuoteCandidate = { customerId: r.customer_id, date: r.date, source: r.source, language: r.language, text: r.text }
    return { customerId: r.customer_id, date: r.date, category: classifyReason(r.text).id, basis: 'classified', quotes: [quote] }
  })
}

/** 'zh' when the text contains Han characters, else 'en' (for stated reasons, which carry no language column). */
export function languageOf(text: string): 'en' | 'zh' {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en'
}
