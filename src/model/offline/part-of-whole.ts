import type { DataCatalog } from '../../catalog/data-catalog.js'
import { resolvePeriod } from '../../time/period.js'
import { addDays } from '../../time/dates.js'
import type { ToolCall } from './build-calls.js'
import { formatValue } from './format-value.js'
import type { ToolOutcome } from './history.js'
import type { Meaning } from './meaning.js'
import type { MetricOutput } from './compose-metric.js'

/**
 * "占全年的比例是多少", "what share of the year is that": a count or amount asked for a period is
 * asked again over the enclosing calendar year (or, when the period spans years or the question
 * says "of the total", over all the data), so the answer can state the part ÷ the whole.
 */
export function wholeCalls(m: Meaning, calls: ToolCall[], catalog: DataCatalog, text: string): ToolCall[] {
  if (!m.roles.has('whole')) return []
  const out: ToolCall[] = []
  for (const c of calls) {
    const input = c.input as { metric?: string; period?: Parameters<typeof resolvePeriod>[0]; grain?: string; by?: string[] }
    if (c.toolName !== 'query_metric' || !input.period || input.grain || input.by?.length) continue
    const def = catalog.metrics.find((x) => x.id === input.metric)
    if (!def || (def.unit !== 'count' && def.unit !== 'currency')) continue
    let range: { from: string; to: string }
    try {
      range = resolvePeriod(input.period, catalog.meta.asOf, catalog.dataStart)
    } catch {
      continue
    }
    const year = range.from.slice(0, 4)
    const oneYear = year === addDays(range.to, -1).slice(0, 4) && /year|全年|年/.test(text)
    const whole = oneYear ? { from: `${year}-01-01`, to: `${Number(year) + 1}-01-01` } : { relative: 'all_time' }
    out.push({ toolName: 'query_metric', input: { ...c.input, period: whole } })
  }
  return out
}

/** The part-of-whole line: a metric's figure for a period as a share of the same figure over a period containing it. */
export function partOfWholeLines(outcomes: ToolOutcome[], lang: 'en' | 'zh'): string[] {
  const metrics = outcomes.map((o) => o.output as MetricOutput | null).filter((o): o is MetricOutput =>
    !!o && (o as { kind?: string }).kind === 'metric' && !o.by.length && !o.grain && (o.metric.unit === 'count' || o.metric.unit === 'currency') && o.headline?.value !== null && o.headline?.value !== undefined)
  const lines: string[] = []
  for (const part of metrics) {
    const whole = metrics.find((w) => w !== part && w.metric.id === part.metric.id && w.period.from <= part.period.from && w.period.to >= part.period.to && (w.period.from !== part.period.from || w.period.to !== part.period.to))
    if (!whole || !whole.headline.value) continue
    const a = part.headline.value!
    const b = whole.headline.value
    const share = formatValue((100 * a) / b, 'percent', '', lang)
    const fmt = (v: number) => formatValue(v, part.metric.unit, part.currency, lang)
    const name = part.metric.name[lang]
    lines.push(lang === 'zh'
      ? `占比：${part.period.label}的${name}（${fmt(a)}）占${whole.period.label}（${fmt(b)}）的${share}。`
      : `Share: ${part.period.label}'s ${name.toLowerCase()} (${fmt(a)}) is ${share} of ${whole.period.label}'s (${fmt(b)}).`)
  }
  return lines
}
