import { hasSubstance, isModifierOnly, type Meaning } from './meaning.js'

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
  const kept = meanings.filter(hasSubstance)
  if (kept.length <= 1) return kept
  const main = kept.filter((m) => !isModifierOnly(m))
  if (!main.length) return [kept.reduce((a, b) => fold(a, b))]
  for (const m of kept) {
    if (!isModifierOnly(m)) continue
    const target = main.filter((x) => kept.indexOf(x) < kept.indexOf(m)).at(-1) ?? main[0]
    fold(target, m)
  }
  // A breakdown shows every value of its dimension, so a value of it named in another clause is one of its rows.
  for (const m of main) if (m.intent !== 'compare') for (const d of m.by) delete m.filters[d]
  const withPeriod = main.find((m) => m.period)
  const withFilters = main.find((m) => Object.keys(m.filters).length)
  for (const m of main) {
    if (!m.period && withPeriod) m.period = withPeriod.period
    if (m.intent !== 'compare' && !Object.keys(m.filters).length && withFilters) m.filters = { ...withFilters.filters }
  }
  return main
}

// Moves a modifier clause's by / filters / time into the clause it qualifies.
function fold(into: Meaning, from: Meaning): Meaning {
  into.by = [...new Set([...into.by, ...from.by])].slice(0, 2)
  for (const [d, v] of Object.entries(from.filters)) into.filters[d] = [...new Set([...(into.filters[d] ?? []), ...v])]
  into.period ??= from.period
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
