import { reasonName, reasons, type ReasonId } from '../catalog/reasons.js'
import type { Grain } from '../catalog/types.js'
import { monthsBetween } from '../time/dates.js'
import { bucketize, type Period } from '../time/period.js'
import type { QuoteCandidate, ReasonUnit } from './reason-attribution.js'
import { trimText } from './trim-text.js'

/** Quotes per category. */
export const QUOTES_PER_CATEGORY = 3
/** Characters a quote may keep before it is cut. */
export const QUOTE_CHARS = 200

/** A quote as returned: verbatim, trimmed to QUOTE_CHARS. */
export type Quote = QuoteCandidate

/** A reason category with its count, share, trend inside the period, basis and quotes. */
export type ReasonCategory = {
  id: ReasonId
  name: string
  count: number
  share: number
  trend: Array<{ period: string; count: number }>
  basis: { stored: number; classified: number; none: number }
  quotes: Quote[]
}

/** Trend buckets: months for up to 6 months, quarters up to 3 years, then years. */
export function trendGrain(p: Period): Grain {
  const months = monthsBetween(p.from, p.to)
  return months <= 6 ? 'month' : months <= 36 ? 'quarter' : 'year'
}

/**
 * Counts units per category (largest first, 'other' last), with shares of all units, counts per
 * trend bucket, the basis split, and up to QUOTES_PER_CATEGORY quotes from different customers:
 * quotes in `lang` first, the other language filling the rest; feedback before stated reasons; newest first.
 */
export function summarizeReasons(units: ReasonUnit[], period: Period, lang: 'en' | 'zh'): { grain: Grain; categories: ReasonCategory[] } {
  const grain = trendGrain(period)
  const buckets = bucketize(period, grain)
  const order = [...reasons.map((r) => r.id as ReasonId), 'other' as ReasonId]
  const categories: ReasonCategory[] = []
  for (const id of order) {
    const mine = units.filter((u) => u.category === id)
    if (!mine.length) continue
    categories.push({
      id,
      name: reasonName(id)[lang],
      count: mine.length,
      share: Math.round((10000 * mine.length) / units.length) / 100,
      trend: buckets.map((b) => ({ period: b.key, count: mine.filter((u) => u.date >= b.start && u.date < b.end).length })),
      basis: {
        stored: mine.filter((u) => u.basis === 'stored').length,
        classified: mine.filter((u) => u.basis === 'classified').length,
        none: mine.filter((u) => u.basis === 'none').length,
      },
      quotes: pickQuotes(mine.flatMap((u) => u.quotes), lang),
    })
  }
  const rank = (c: ReasonCategory) => (c.id === 'other' ? -1 : c.count)
  categories.sort((x, y) => rank(y) - rank(x) || order.indexOf(x.id) - order.indexOf(y.id))
  return { grain, categories }
}

function pickQuotes(candidates: QuoteCandidate[], lang: 'en' | 'zh'): Quote[] {
  // A stated reason is often a pick-list label ("Too expensive"): customers' own words come first.
  const picked = (q: QuoteCandidate) => Number(q.source === 'reason_text')
  const sorted = [...candidates].sort(
    (x, y) =>
      Number(x.language !== lang) - Number(y.language !== lang) || picked(x) - picked(y) ||
      y.date.localeCompare(x.date) || x.customerId.localeCompare(y.customerId),
  )
  const out: Quote[] = []
  const quoted = new Set<string>()
  for (const c of sorted) {
    if (out.length >= QUOTES_PER_CATEGORY) break
    if (quoted.has(c.customerId)) continue
    quoted.add(c.customerId)
    out.push({ ...c, text: trimText(c.text, QUOTE_CHARS) })
  }
  return out
}
