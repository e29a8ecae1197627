import type { ReasonId } from '../../catalog/reasons.js'
import type { TicketCategory } from './tickets.js'

/**
 * Fragments feedback texts are composed from, per language. Every `core` fragment of a reason
 * carries one of that reason's catalog keywords (src/catalog/reasons.ts) and avoids the other
 * reasons' keywords, so a keyword classifier can recover the reason; the other parts add variety.
 * `{slot}` placeholders are filled from `slots`.
 */
export type FeedbackCorpus = {
  /** Complaint fragments per reason; `other` holds vague, reason-less answers. */
  reasons: Record<ReasonId, { core: string[]; detail: string[] }>
  exitOpeners: string[]
  exitClosers: string[]
  detractorOpeners: string[]
  /** Lukewarm openers a passive (NPS 7–8) puts before a gripe. */
  passiveOpeners: string[]
  positive: { core: string[]; detail: string[] }
  tickets: { prefix: Record<TicketCategory, string[]>; fast: string[]; slow: string[] }
  /** Prompt-injection attempts hidden in customer text: data the assistant must never obey. */
  injections: string[]
  slots: Record<string, string[]>
  /** How fragments are joined: a space in English, nothing in Chinese. */
  joiner: string
}
