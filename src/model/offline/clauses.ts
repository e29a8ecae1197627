import { hasSubstance, isModifierOnly, type Meaning } from './meaning.js'
import { countByStatus, joinStatusClauses } from './status-values.js'

/** A clause of the question, in both the lower-cased and the cased normalised form (same offsets). */
export type ClauseText = { text: string; cased: string }

// Where a compound question starts a new request: sentence ends, "…, and why?", "and compare…", "，以及…", "？为什么…".
const enBreak = /[?!;]+\s*|\.\s+|,?\s+and\s+(?=(?:why|what|how|which|who|compare|show|break|give|where|are|is|did|do|does)\b)|,\s*(?=(?:also\s+)?(?:why|what|how|which|compare)\b)/g
const zhBreak = /[?!;。,]+|以及|另外|还有|并且|同时/g

/** Splits a normalised question into clauses. */
export function splitClauses(text: string, cased: string, lang: 'en' | 'zh'): ClauseText[] {
  const re = new RegExp(lang === 'zh' ? zhBreak.source + '|' + enBreak.source : enBreak.source, 'g')
  const out: ClauseText[] = []
  let from = 0
  for (const m of text.matchAll(re)) {
    out.push({ text: text.slice(from, m.index), cased: cased.slice(from, m.index) })
    from = m.index! + m[0].length
  }
  out.push({ text: text.slice(from), cased: cased.slice(from) })
  return out.filter((c) => c.text.trim())
}

/**
 * Joins the clauses' meanings into the requests they make: empty clauses go, clauses that only
 * qualify ("…？上个月的", "…？按套餐看") fold into their neighbour, and a clause without its own
 * period or filters takes the others' ("上个季度各地区的流失率？为什么流失？" asks why for last quarter too).
 */
export function mergeClauses(meanings: Meaning[]): Meaning[] {
  // "开了无限流量的客户流失率是多少？没开的呢？": the other side of a yes/no filter asks for both, a breakdown by it.
  for (const [i, m] of meanings.entries()) {
    const prev = meanings.slice(0, i).filter((x) => !isModifierOnly(x)).at(-1)
    const otherSide = m.roles.has('effect') && !m.metrics.length && !m.by.length && !Object.keys(m.filters).length && !m.measures.length
    const trait = prev && Object.entries(prev.filters).find(([, vs]) => vs.length === 1)
    if (otherSide && prev && trait && prev.by.length < 2) {
      prev.by.push(trait[0])
      delete prev.filters[trait[0]]
    }
  }
  const kept = meanings.filter(hasSubstance)
  if (kept.length <= 1) return kept
  let main = kept.filter((m) => !isModifierOnly(m))
  main = joinStatusClauses(main)
  if (!main.length) return [kept.reduce((a, b) => fold(a, b))]
  for (const m of kept) {
    if (!isModifierOnly(m)) continue
    const target = main.filter((x) => kept.indexOf(x) < kept.indexOf(m)).at(-1) ?? main[0]
    fold(target, m)
  }
  // "How many churned, and how many stayed?": the second clause named a status only, folded into the first.
  for (const m of main) countByStatus(m)
  // "前三大原因是什么？各占流失客户的多少？": the share of churners per reason is part of the reasons answer.
  for (const [i, m] of [...main.entries()].reverse()) {
    const shareOfEach = (m.roles.has('by') || m.roles.has('rate')) && !m.by.length && !Object.keys(m.filters).length && !m.measures.length &&
      m.metrics.every((id) => id === 'churn_rate' || id === 'churned_customers') && m.intent === 'metric'
    if (main[i - 1]?.intent === 'reasons' && shareOfEach) main.splice(i, 1)
  }
  // "开通月数的中位数，流失和留存客户各是多少？": a clause naming only churned and retained splits the average before it.
  for (const [i, m] of [...main.entries()].reverse()) {
    const prev = main[i - 1]
    const statusOnly = m.roles.has('retained') && !m.measures.length && !m.by.length && !Object.keys(m.filters).length &&
      m.metrics.every((id) => id === 'churn_rate' || id === 'churned_customers')
    if (prev?.intent === 'measure' && statusOnly) {
      prev.roles.add('churned').add('retained')
      main.splice(i, 1)
    }
  }
  // "How many churned, and what's their average spend?": an average of "their" is of the group the question just named.
  for (const [i, m] of main.entries()) {
    const before = main.slice(0, i)
    if (m.intent === 'measure' && m.refersBack && !m.roles.has('churned') && !m.roles.has('retained') &&
      before.some((x) => x.roles.has('churned') || x.roles.has('lose') || x.metrics.includes('churned_customers'))) m.roles.add('churned')
  }
  // A breakdown shows every value of its dimension, so a value of it named in another clause is one of its rows.
  for (const m of main) if (m.intent !== 'compare') for (const d of m.by) delete m.filters[d]
  const withPeriod = main.find((m) => m.period)
  for (const [i, m] of main.entries()) {
    if (!m.period && withPeriod) m.period = withPeriod.period
    // Filters carry forward only: "churn by payment method, and why are the electronic check customers leaving?"
    // asks the breakdown for everyone and the why for one group.
    const withFilters = main.slice(0, i).find((x) => Object.keys(x.filters).length)
    if (m.intent !== 'compare' && !Object.keys(m.filters).length && withFilters) m.filters = { ...withFilters.filters }
    // "…had 6 contacts, and how many of them left?": "them" are the customers the cut picked out.
    // "…inactive for 4 months, and how many churned?": a bare count of churners after a cut counts within it, as filters carry.
    const withBand = main.slice(0, i).findLast((x) => x.band)
    const bareChurnCount = !m.measures.length && !Object.keys(m.filters).length && m.metrics.length > 0 && m.metrics.every((id) => id === 'churned_customers' || id === 'churn_rate')
    if ((m.refersBack || (bareChurnCount && withBand?.band?.edges.length)) && !m.band && !m.by.length && withBand && m.intent === 'metric') m.band = withBand.band
  }
  return main
}

// Moves a modifier clause's by / filters / time into the clause it qualifies.
function fold(into: Meaning, from: Meaning): Meaning {
  // "How many customers left? What share of all customers is that?": the share of a count of churners is the churn rate.
  if (from.roles.has('rate') && !from.metrics.length && into.metrics.includes('churned_customers') && !into.metrics.includes('churn_rate')) into.metrics.push('churn_rate')
  into.by = [...new Set([...into.by, ...from.by])].slice(0, 2)
  for (const [d, v] of Object.entries(from.filters)) into.filters[d] = [...new Set([...(into.filters[d] ?? []), ...v])]
  into.period ??= from.period
  into.measures = [...new Set([...into.measures, ...from.measures])]
  into.statusValues.push(...from.statusValues)
  into.rateWords ||= from.rateWords
  into.band ??= from.band
  into.grain ??= from.grain
  into.trend ||= from.trend
  into.unknownValues.push(...from.unknownValues)
  into.unknownWords.push(...from.unknownWords)
  for (const r of from.roles) into.roles.add(r)
  into.future ||= from.future
  into.outOfRange ??= from.outOfRange
  if (into.intent === 'none' && from.intent !== 'none') into.intent = from.intent
  return into
}
