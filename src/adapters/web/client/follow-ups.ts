import type { Lang } from './i18n.js'

/** The last tool call of an answer, as far as follow-ups care. */
export type LastCall = { name: string; input: { by?: string[]; grain?: string } & Record<string, unknown>; metricName?: string }

/** Lower-cases a leading capital unless it starts an acronym ("Churn rate" → "churn rate", "NRR" stays). */
const lcFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s)
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ')

/**
 * Up to `max` questions to ask next: a breakdown by a dimension not used yet and a monthly trend
 * of the metric just shown (phrased like the starters, which the offline analyst understands),
 * then starters not asked yet.
 */
export function followUps(o: { lang: Lang; last?: LastCall; dimensions: Array<{ id: string; name: string }>; starters: string[]; asked: string[]; max?: number }): string[] {
  const out: string[] = []
  const m = o.last?.name === 'query_metric' ? o.last.metricName : undefined
  if (m) {
    const used = new Set(o.last!.input.by ?? [])
    // A starter still to come may already break down by a dimension ("…by plan?"): suggest another one.
    const pending = o.starters.filter((q) => !o.asked.some((a) => norm(a) === norm(q))).join('\n').toLowerCase()
    const covered = (name: string) => pending.includes(`by ${name.toLowerCase()}`) || pending.includes(`按${name}`)
    const dim = o.dimensions.find((d) => !used.has(d.id) && !covered(d.name)) ?? o.dimensions.find((d) => !used.has(d.id))
    if (dim) out.push(o.lang === 'zh' ? `上个季度按${dim.name}的${m}是多少？` : `What was our ${lcFirst(m)} last quarter by ${lcFirst(dim.name)}?`)
    if (!o.last!.input.grain) out.push(o.lang === 'zh' ? `最近12个月每月的${m}趋势如何？` : `Show monthly ${lcFirst(m)} for the last 12 months`)
  }
  out.push(...o.starters)
  const seen = new Set(o.asked.map(norm))
  return out.filter((q) => {
    const k = norm(q)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  }).slice(0, o.max ?? 3)
}
