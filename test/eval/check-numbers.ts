import { findMetric } from '../../src/catalog/metrics.js'
import type { ToolCallSummary } from '../../src/chat/tool-summary.js'
import type { Db } from '../../src/db/open-database.js'
import type { Range, ToolExpectation } from './eval-case.js'
import { expectedStatusCounts, expectedTopReason, quoteExists } from './expected-segments.js'
import { checkedMetrics, expectedMetric, type Expected } from './expected-values.js'

/** Numbers in an answer, with dates and period labels (2026-07-01, 2026-Q3, 2025-11) taken out first. */
export function numbersIn(answer: string): number[] {
  const cleaned = answer.replace(/\d{4}-\d{2}-\d{2}|\d{4}-Q\d|\d{4}-\d{2}|\b[QMH]\d+\b|第\d+月|p [<=] [\d.e-]+/g, ' ')
  return (cleaned.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((s) => Number(s.replace(/,/g, '')))
}

// How far a shown number may be from the exact value: rates are shown to 0.1 after the tool rounds to 0.01.
function tolerance(unit: string, v: number): number {
  if (unit === 'count') return 0.5
  if (unit === 'currency') return Math.max(0.51, Math.abs(v) * 0.001)
  if (unit === 'per_customer' || unit === 'ratio') return 0.011
  return 0.06
}

function missing(expected: Expected[], unit: string, answer: string, what: string): string[] {
  const shown = numbersIn(answer)
  return expected
    .filter((x) => x.value !== null && !shown.some((n) => Math.abs(n - Math.abs(x.value!)) <= tolerance(unit, x.value!)))
    .map((x) => `${what} ${x.label} = ${x.value!.toFixed(2)} not in the answer`)
}

/** Checks the numbers an answer states for one tool call against SQL computed independently in the eval. */
export async function checkNumbers(e: ToolExpectation, call: ToolCallSummary, answer: string, db: Db, lang: 'en' | 'zh'): Promise<string[]> {
  const period = (call.period as Range | undefined) ?? ('period' in e ? e.period : undefined)
  if (!period) return []
  switch (e.tool) {
    case 'query_metric': {
      if (e.check === 'none' || !checkedMetrics.has(e.metric)) return []
      const unit = findMetric(e.metric)!.unit
      let exp = await expectedMetric(db, { metric: e.metric, period: e.period, by: e.by, filters: e.filters, grain: e.grain })
      if (e.grain && exp.length > 12) exp = [exp[0], exp.at(-1)!]
      if (e.check === 'top') exp = [exp.filter((x) => x.value !== null).sort((a, b) => b.value! - a.value!)[0]].filter(Boolean)
      if (!exp.length) return [`eval found no rows for ${e.metric}`]
      return missing(exp, unit, answer, e.metric)
    }
    case 'compare_segments': {
      if (e.a.status || e.b.status) {
        const counts = await expectedStatusCounts(db, period, e.a.filters ?? {})
        return missing([{ label: 'churned customers', value: counts.churned }, { label: 'retained customers', value: counts.retained }], 'count', answer, 'comparison')
      }
      const rates: Expected[] = []
      for (const side of [e.a, e.b]) {
        const [v] = await expectedMetric(db, { metric: 'churn_rate', period, filters: side.filters, perCustomer: true })
        rates.push({ label: `churn rate of ${JSON.stringify(side.filters)}`, value: v?.value ?? null })
      }
      return missing(rates, 'percent', answer, 'comparison')
    }
    case 'churn_reasons': {
      const top = await expectedTopReason(db, period, e.filters ?? {}, lang)
      if (!top) return []
      const p = answer.includes(top.name) ? [] : [`top reason "${top.name}" not named`]
      return [...p, ...missing([{ label: 'share', value: top.share }], 'percent', answer, `top reason ${top.name}`)]
    }
    case 'search_feedback': {
      const quotes = [...answer.matchAll(/“([^”]+)”/g)].map((m) => m[1]).filter((t) => !e.keywords.includes(t))
      for (const t of quotes) if (await quoteExists(db, t)) return []
      return [`no quote in the answer comes from the stored feedback (${quotes.length} quoted)`]
    }
    default:
      return []
  }
}
