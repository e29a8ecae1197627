import type { DataCatalog } from '../../../catalog/data-catalog.js'
import type { ToolCall } from '../build-calls.js'
import { lexiconFor } from '../lexicon.js'
import type { Normalised } from '../normalise.js'
import { understandClause } from '../understand.js'

/** The risk tools this intent can call. */
export const riskToolNames = ['at_risk_customers', 'risk_summary', 'risk_reliability', 'intervention_effect', 'churn_digest'] as const

// Word patterns per question kind, matched on the normalised (lower-case) question.
const digestWords = /\b(digest|weekly (churn )?(summary|report|update)|monthly (churn )?(summary|report)|churn (summary|briefing|recap)|summary of (this|last) (week|month))\b|周报|月报|简报|流失摘要|流失总结|本周流失|上周流失|本月流失情况总结/
const interventionWords = /win[- ]?back|intervention|save (calls?|actions?|offers?|campaigns?)|retention (calls?|offers?|campaigns?|efforts?)|outreach|did (our|the|those|these) .*\b(work|help|pay off)|挽回|挽留|干预|召回|回访/
const reliabilityWords = /\b(how (reliable|accurate|good|trustworthy|sure)|reliab|accura|backtest|can i trust|confidence)|准吗|准不准|准确|可靠|靠谱|可信|回测/
const riskContext = /\brisk|predict|forecast|model|score|likely|这个|预测|风险|模型|评分/
const revenueWords = /\b(revenue|mrr|arr|money|income|dollars?|sales)\b|收入|营收|金额|mrr|arr|钱/
const atRiskWords = /\b(at[- ]risk|churn risk|risk of (churn|leaving|losing)|(likely|about|going|expected|predicted|set) to (churn|leave|cancel|quit)|will (churn|leave|cancel)|(might|may|could) (churn|leave|cancel)|early warning|flight risk)\b|流失风险|可能流失|可能会流失|要流失|会流失|即将流失|快要流失|有流失|风险客户|高风险|预警|流失预测/

/** Horizon words: "next quarter" / "3 months" / "下季度" → months ahead; default one month. */
function horizonOf(text: string): number {
  if (/next quarter|下个?季度|下一季度|未来三个月|未来3个月|三个月内|3个月内/.test(text)) return 3
  const m = text.match(/next (\d{1,2}) months|(\d{1,2}) months ahead|未来(\d{1,2})个月/)
  const n = m ? Number(m[1] ?? m[2] ?? m[3]) : undefined
  return n && n >= 1 && n <= 12 ? n : 1
}

/**
 * Recognises early-warning questions (who is at risk, revenue at risk, how reliable, did saving
 * them work) and plans the risk tools with the segment filters the question names. Runs before
 * the general analyst, whose time parser would refuse "next month" as the future.
 */
export function planRiskCalls(n: Normalised, catalog: DataCatalog, previous: ToolCall[]): ToolCall[] | undefined {
  const text = n.text
  const lang = n.lang
  const afterRisk = previous.some((c) => (riskToolNames as readonly string[]).includes(c.toolName))
  if (digestWords.test(text)) {
    const m = understandClause(text, n.cased, catalog, lexiconFor(catalog))
    const filters = Object.entries(m.filters).map(([dimension, values]) => ({ dimension, values }))
    const window = /month|月/.test(text) ? 'month' : 'week'
    return [{ toolName: 'churn_digest', input: { window, ...(filters.length ? { filters } : {}), language: lang } }]
  }
  if (interventionWords.test(text)) return [{ toolName: 'intervention_effect', input: { language: lang } }]
  const bare = /^how (reliable|accurate|good|trustworthy) (is|are) (this|that|it|these|those)\b/.test(text)
  if (reliabilityWords.test(text) && (riskContext.test(text) || afterRisk || bare)) return [{ toolName: 'risk_reliability', input: { language: lang } }]
  const atRisk = atRiskWords.test(text) || (/\brisk\b|风险/.test(text) && revenueWords.test(text))
  // "Are X less likely to churn than Y?" compares what happened to two groups: a churn-rate question, not a forecast.
  // "Are customers with kids more likely to churn?" too: the comparative compares them with the others, unless a forecast is asked.
  const comparesGroups = /\b(more|less) likely to (churn|leave|cancel|quit)\b|比.*更(容易|可能)流失|更(容易|可能)流失/.test(text) && !/\b(at[- ]risk|risk|predict|forecast|next|will|going to)\b|风险|预测|下个|未来|将要|即将/.test(text)
  if (!atRisk || comparesGroups) return undefined
  const m = understandClause(text, n.cased, catalog, lexiconFor(catalog))
  const filters = Object.entries(m.filters).map(([dimension, values]) => ({ dimension, values }))
  const withFilters = filters.length ? { filters } : {}
  const horizon = horizonOf(text)
  const withHorizon = horizon > 1 ? { horizon_months: horizon } : {}
  if (revenueWords.test(text) || m.by.length) {
    return [{ toolName: 'risk_summary', input: { ...(m.by[0] ? { by: m.by[0] } : {}), ...withFilters, ...withHorizon, language: lang } }]
  }
  return [{ toolName: 'at_risk_customers', input: { ...withFilters, ...withHorizon, language: lang } }]
}
