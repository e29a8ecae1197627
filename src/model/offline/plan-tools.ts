import type { DataCatalog } from '../../catalog/data-catalog.js'
import { isYesNoDimension, isYesValue } from '../../catalog/yes-no.js'
import { buildCalls, type ToolCall } from './build-calls.js'
import { cannotAnswerText } from './cannot-answer.js'
import { coverageText } from './compose-error.js'
import { suggestionLine } from './suggestions.js'
import { mergeClauses, splitClauses } from './clauses.js'
import { flaggedRateCall } from './flagged-rate.js'
import { followUpCalls, inheritContext } from './follow-up.js'
import { planRiskCalls } from './intents/risk.js'
import { planDetailCalls } from './intents/detail-rows.js'
import { wholeCalls } from './part-of-whole.js'
import { lexiconFor } from './lexicon.js'
import type { Meaning } from './meaning.js'
import { normalise } from './normalise.js'
import { refusalKind, refusalText } from './refuse.js'
import { understandClause } from './understand.js'

/** What the analyst does with a question: call tools, or answer at once (refusal, cannot answer). */
export type Plan = { lang: 'en' | 'zh'; calls: ToolCall[] } | { lang: 'en' | 'zh'; text: string }

/** Context for planning: the catalog, the previous turn's tool calls, and the tools the loop offers. */
export type PlanContext = { catalog: DataCatalog; previous: ToolCall[]; available?: Set<string>; previousTop?: { dimension: string; value: string } }

/** Question understanding → tool calls: normalise, refuse, split clauses, understand each, follow-ups, build calls. */
export function planTools(question: string, ctx: PlanContext): Plan {
  const { catalog } = ctx
  const n = normalise(question)
  const lang = n.lang
  const refusal = refusalKind(n.text)
  // An at-risk list names accounts on purpose (masked): the early-warning intent goes before the "individuals" refusal.
  if (refusal && refusal !== 'individuals') return { lang, text: refusalText(refusal, catalog, lang) }
  const risk = planRiskCalls(n, catalog, ctx.previous)?.filter((c) => !ctx.available || ctx.available.has(c.toolName))
  if (risk?.length) return { lang, calls: risk }
  if (refusal) return { lang, text: refusalText(refusal, catalog, lang) }
  const detail = planDetailCalls(n, catalog)?.filter((c) => !ctx.available || ctx.available.has(c.toolName))
  if (detail?.length) return { lang, calls: detail }
  const lex = lexiconFor(catalog)
  const meanings = mergeClauses(splitClauses(n.text, n.cased, lang).map((c) => understandClause(c.text, c.cased, catalog, lex)))
  const cannot = (reason: Parameters<typeof cannotAnswerText>[0]): Plan => ({ lang, text: cannotAnswerText(reason, catalog, lang) })
  if (meanings.some((m) => m.future)) return cannot({ kind: 'future' })
  const outside = meanings.find((m) => m.outOfRange && !m.period)
  if (outside) return cannot({ kind: 'out_of_range', range: outside.outOfRange! })
  if (!meanings.length) return cannot({ kind: 'not_understood' })
  const follow = followUpCalls(meanings, ctx.previous, (d) => yesOf(catalog, d))
  let calls: ToolCall[]
  if (follow) calls = follow
  else {
    calls = []
    for (const raw of meanings) {
      const m = pointAtTop(inheritContext(raw, ctx.previous), n.text, catalog, ctx.previousTop)
      const problem = unanswerable(m)
      if (problem) return cannot(problem)
      const lacking = catalog.metricsWithoutData?.find((x) => m.metrics.includes(x.metric))
      if (lacking) return cannot({ kind: 'metric_without_data', metric: lacking.metric, missing: lacking.missing })
      // A snapshot observes one window: a trend or a comparison between periods cannot be answered from it.
      if (catalog.coverage.kind === 'snapshot' && !m.sides && (m.roles.has('trend') || (m.roles.has('compare') && m.period && !m.by.length && !Object.keys(m.filters).length))) {
        return { lang, text: `${coverageText(catalog.coverage, undefined, lang)}\n\n${suggestionLine(catalog, lang)}` }
      }
      const built = buildCalls(m, catalog, lang)
      calls.push(...built, ...wholeCalls(m, built, catalog, n.text))
    }
  }
  calls = dedupe(calls.map((c) => flaggedRateCall(c, catalog)).filter((c) => !ctx.available || ctx.available.has(c.toolName)))
  return calls.length ? { lang, calls } : cannot({ kind: 'not_understood' })
}

const pointer = /\b(there|its|that one|(?:in|on|with|use|used|uses|using|chose|picked|have|has|had) it|that group|that segment|those customers there)\b|那里|那儿|这里|这类|这种|那类|那种|该类|这一类|这组|那组|该组|(?:这个|那个|该)(?:方案|类别|类型|群体|选项|档|段|组)/

/**
 * "那这个城市的流失率是多少？", "why is that plan so high?": "this/that <dimension>" after a breakdown points at the
 * segment that came out on top of it, which becomes the filter.
 */
function pointAtTop(m: Meaning, text: string, catalog: DataCatalog, top: PlanContext['previousTop']): Meaning {
  if (!top || m.filters[top.dimension]) return m
  const d = catalog.dimensions.find((x) => x.id === top.dimension)
  if (!d) return m
  const names = [d.name.en, ...d.synonyms.en].map((x) => x.toLowerCase()).filter((x) => x.length > 1)
  const namesZh = [d.name.zh, ...d.synonyms.zh].filter((x) => x.length > 1)
  const pointed = names.some((x) => new RegExp(`\\b(this|that|the same) ${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text)) ||
    namesZh.some((x) => new RegExp(`(这个|那个|该|这一|那一)${x}`).test(text)) ||
    // "What's the churn rate there?", "这类客户平均月费是多少？": a bare pointer with nothing else to point at.
    (!m.by.length && !Object.keys(m.filters).length && pointer.test(text)) ||
    // "Which city churns most? → Why?": why, right after a ranking, is asked about the segment on top.
    (m.intent === 'reasons' && m.elliptical && !m.by.length && !Object.keys(m.filters).length)
  if (!pointed) return m
  return { ...m, by: m.by.filter((b) => b !== top.dimension), filters: { ...m.filters, [top.dimension]: [top.value] } }
}

// A request the data cannot answer: words it does not know and nothing it does, or a proper name that is no segment.
function unanswerable(m: Meaning): Parameters<typeof cannotAnswerText>[0] | undefined {
  const orphan = m.unknownValues.find((u) => !u.dim)
  if (orphan) return { kind: orphan.breakdown ? 'unknown_breakdown' : 'unknown_segment', raw: orphan.raw }
  // "Churn by household income bracket" where the data has no income: a breakdown it cannot make, not an overall figure.
  if (m.intent === 'metric' && m.roles.has('by') && !m.by.length && !m.band && m.unknownWords.length) return { kind: 'unknown_breakdown', raw: m.unknownWords.join(' ') }
  // "Which region has the most attrition?" where the data has no region: a ranking it cannot make.
  if (m.roles.has('which') && !m.by.length && !m.band && !m.sides && m.unknownWords.length && m.intent === 'metric') return { kind: 'unknown_breakdown', raw: m.unknownWords[0] }
  // "customers under 30" where the data has no age: a group it cannot pick out.
  if (m.unmatchedCut) return { kind: 'unknown_segment', raw: m.unmatchedCut }
  const asksSomething = m.metrics.length || m.intent === 'measure' || m.intent === 'reasons' || m.intent === 'feedback' || m.intent === 'compare' || m.intent === 'describe'
  // "Do those with multiple lines churn more than those with a single line?": a trait compared asks for churn by it.
  const traitContrast = m.by.length > 0 && (m.roles.has('effect') || m.roles.has('than') || m.roles.has('compare'))
  if (!asksSomething && m.unknownWords.length && !traitContrast) return { kind: 'unknown_terms', words: m.unknownWords }
  if (m.intent === 'none' && !m.unknownValues.length) return { kind: 'not_understood' }
  return undefined
}

// The yes value of a yes/no dimension ("Yes", "是"), if it is one.
function yesOf(catalog: DataCatalog, dim: string): string | undefined {
  const stored = (catalog.values[dim] ?? []).map((v) => v.value)
  return isYesNoDimension(stored) ? stored.find(isYesValue) : undefined
}

function dedupe(calls: ToolCall[]): ToolCall[] {
  const seen = new Set<string>()
  return calls.filter((c) => {
    const k = JSON.stringify(c)
    return seen.has(k) ? false : (seen.add(k), true)
  })
}

/**
 * Words of the question nothing in the data matched and no tool call used ("refunded", "NPS" on data
 * without it): the answer names them as not applied instead of dropping them silently.
 */
export function unappliedTerms(question: string, catalog: DataCatalog): string[] {
  const n = normalise(question)
  if (refusalKind(n.text)) return []
  const lex = lexiconFor(catalog)
  const meanings = splitClauses(n.text, n.cased, n.lang).map((c) => understandClause(c.text, c.cased, catalog, lex))
  // A value written both ways ("收入未知（Unknown）") was applied through its other name.
  const stored = new Set(Object.values(catalog.values).flat().map((v) => v.value.toLowerCase()))
  return [...new Set(meanings.filter((m) => m.intent !== 'feedback' && m.intent !== 'describe').flatMap((m) => m.unknownWords))]
    .filter((w) => /[\p{L}]{2,}/u.test(w) && !stored.has(w.toLowerCase())).slice(0, 5)
}
