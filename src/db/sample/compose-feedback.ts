import type { ReasonId } from '../../catalog/reasons.js'
import type { FeedbackCorpus } from './feedback-corpus.js'
import { feedbackTextsEn } from './feedback-texts-en.js'
import { feedbackTextsZh } from './feedback-texts-zh.js'
import type { Random } from './random.js'
import type { TicketCategory } from './tickets.js'

/** A feedback language. */
export type Language = 'en' | 'zh'

const corpora: Record<Language, FeedbackCorpus> = { en: feedbackTextsEn, zh: feedbackTextsZh }

/** Picks one of several fragments and fills its `{slot}` placeholders. */
function fill(rng: Random, corpus: FeedbackCorpus, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (slot === 'days') return String(rng.int(3, 12))
    if (slot === 'weeks') return String(rng.int(6, 20))
    return rng.pick(corpus.slots[slot] ?? [slot])
  })
}

function join(corpus: FeedbackCorpus, parts: string[]): string {
  return parts.filter(Boolean).join(corpus.joiner)
}

/** A complaint about `reason`: its core fragment, sometimes with a supporting detail. */
function complaint(rng: Random, corpus: FeedbackCorpus, reason: ReasonId): string[] {
  const r = corpus.reasons[reason]
  return [fill(rng, corpus, rng.pick(r.core)), rng.chance(0.5) ? rng.pick(r.detail) : '']
}

function praise(rng: Random, corpus: FeedbackCorpus): string[] {
  const first = rng.pick(corpus.positive.core)
  let second = rng.pick(corpus.positive.core)
  if (second === first || rng.chance(0.5)) second = ''
  return [first, second, rng.pick(corpus.positive.detail)]
}

/** An exit-interview answer; `vague` ones give no reason, as real leavers sometimes do. */
export function exitInterviewText(rng: Random, lang: Language, reason: ReasonId, vague: boolean): string {
  const c = corpora[lang]
  const body = vague ? complaint(rng, c, 'other') : complaint(rng, c, reason)
  return join(c, [rng.pick(c.exitOpeners), ...body, rng.pick(c.exitClosers)])
}

/** The comment on an NPS answer: praise for promoters, a gripe for passives and detractors. */
export function npsText(rng: Random, lang: Language, score: number, gripe: ReasonId): string {
  const c = corpora[lang]
  if (score >= 9) return join(c, praise(rng, c))
  if (score >= 7) return join(c, [rng.pick(c.passiveOpeners), fill(rng, c, rng.pick(c.reasons[gripe].core))])
  return join(c, [rng.pick(c.detractorOpeners), ...complaint(rng, c, gripe)])
}

/** A comment left on a resolved ticket: what it was about and how the wait felt. */
export function ticketCommentText(rng: Random, lang: Language, category: TicketCategory, slow: boolean): string {
  const c = corpora[lang]
  const prefix = fill(rng, c, rng.pick(c.tickets.prefix[category]))
  return join(c, [prefix, fill(rng, c, rng.pick(slow ? c.tickets.slow : c.tickets.fast))])
}

/** A public review: 4–5 stars praise, 3 stars mixed, 1–2 stars name the reason. */
export function reviewText(rng: Random, lang: Language, stars: number, gripe: ReasonId): string {
  const c = corpora[lang]
  if (stars >= 4) return join(c, praise(rng, c))
  if (stars === 3) return join(c, [rng.pick(c.passiveOpeners), fill(rng, c, rng.pick(c.reasons[gripe].core))])
  return join(c, complaint(rng, c, gripe))
}

/** A feedback text carrying a prompt-injection attempt (documented in data/README.md). */
export function injectionText(rng: Random, lang: Language): string {
  return rng.pick(corpora[lang].injections)
}
