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

// Stated reasons repeat (pick-list labels): classify each distinct text once per process.
const statedMemo = new Map<string, ReasonId>()
function categoryOf(text: string, stored: string | null | undefined): ReasonId {
  if (stored) return known.has(stored) ? (stored as ReasonId) : 'other'
  let id = statedMemo.get(text)
  if (id === undefined) {
    id = classifyReason(text).id
    if (statedMemo.size >= 10_000) statedMemo.clear()
    statedMemo.set(text, id)
  }
  return id
}

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
    const texts: Array<{ t: QuoteCandidate; id: ReasonId }> = []
    if (stated?.trim()) texts.push({ t: { customerId, date, source: 'reason_text', language: languageOf(stated), text: stated }, id: categoryOf(stated, null) })
    const seen = new Set<number>()
    for (const r of group) {
      if (r.feedback_id === null || seen.has(r.feedback_id) || !r.text.trim()) continue
      seen.add(r.feedback_id)
      texts.push({ t: { customerId, date: r.date, source: r.source, language: r.language, text: r.text }, id: categoryOf(r.text, r.category) })
    }
    const distance = (t: QuoteCandidate) => Math.abs(Date.parse(t.date) - Date.parse(date))
    const ranked = texts
      .sort((x, y) => explainRank[x.t.source] - explainRank[y.t.source] || distance(x.t) - distance(y.t))
    const category: ReasonId = code
      ? (known.has(code) ? (code as ReasonId) : 'other')
      : (ranked.find((x) => x.id !== 'other')?.id ?? 'other')
    const basis = code ? 'stored' : texts.length ? 'classified' : 'none'
    return { customerId, date, category, basis, quotes: ranked.filter((x) => x.id === category).map((x) => x.t) }
  })
}

/** One unit per feedback text, classified on its own (its stored category when there is one). */
export function attributeFeedback(rows: FeedbackText[]): ReasonUnit[] {
  return rows.map((r) => {
    const quote: QuoteCandidate = { customerId: r.customer_id, date: r.date, source: r.source, language: r.language, text: r.text }
    return { customerId: r.customer_id, date: r.date, category: categoryOf(r.text, r.category), basis: 'classified', quotes: [quote] }
  })
}

/** 'zh' when the text contains Han characters, else 'en' (for stated reasons, which carry no language column). */
export function languageOf(text: string): 'en' | 'zh' {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en'
}
