import { tool } from 'ai'
import { z } from 'zod'
import { makeChart } from '../chart/make-chart.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { resolveSegments } from '../query/resolve-segments.js'
import { NOT_SET } from '../query/segment-sql.js'
import { filterScores } from '../risk/filter-scores.js'
import { modelRef, riskDefinition } from '../risk/risk-provenance.js'
import { currentRiskScores, overHorizon, predictionPeriod } from '../risk/risk-scores.js'
import { dimensionEnum, filtersSchema, languageSchema, toWhere } from './schemas.js'
import { asToolResult, type ToolDeps } from './tool-deps.js'

/** Input of risk_summary. */
export function riskSummaryInput(catalog: DataCatalog) {
  return z.object({
    by: dimensionEnum(catalog).optional().describe('split the totals by this dimension (default: none)'),
    filters: filtersSchema(catalog),
    horizon_months: z.number().int().min(1).max(12).optional().describe('how far ahead: 1 = next month (default)'),
    language: languageSchema,
  })
}
export type RiskSummaryInput = z.infer<ReturnType<typeof riskSummaryInput>>

/** risk_summary: MRR and customers at risk, overall or by segment, with a bar chart. */
export function riskSummaryTool(deps: ToolDeps) {
  return tool({
    description:
      'How much revenue (MRR) and how many customers are at risk of churning soon, overall or split by a dimension (region, plan…), from the risk model trained on this company\'s history: per segment the active customers, expected churners, high-risk customers (top 10% of risk), MRR and expected MRR at risk; with a bar chart, the model id and training date. Use for "how much revenue is at risk in APAC".',
    inputSchema: riskSummaryInput(deps.catalog),
    execute: (input) => asToolResult(() => riskSummary(deps, input)),
  })
}

/** Runs risk_summary. */
export async function riskSummary(deps: ToolDeps, input: RiskSummaryInput) {
  const lang = input.language ?? 'en'
  const horizon = input.horizon_months ?? 1
  const plan = resolveSegments(deps.catalog, input.by ? [input.by] : [], toWhere(input.filters))
  const scores = await currentRiskScores(deps.db, deps.catalog)
  // High risk = the top 10% of all active customers, the band the backtest's precision describes.
  const cutoff = scores.customers[Math.max(0, Math.ceil(scores.customers.length * 0.1) - 1)]?.probability ?? 1
  const pool = filterScores(scores.customers, plan)
  const by = plan.by[0]
  const groups = new Map<string, typeof pool>()
  for (const c of pool) {
    const k = by ? c.dims[by.id] ?? NOT_SET : 'all'
    groups.set(k, [...(groups.get(k) ?? []), c])
  }
  const rowOf = (segment: string, cs: typeof pool) => ({
    segment,
    customers: cs.length,
    expectedChurners: cs.reduce((s, c) => s + overHorizon(c.probability, horizon), 0),
    highRisk: cs.filter((c) => c.probability >= cutoff).length,
    mrr: cs.reduce((s, c) => s + c.mrr, 0),
    mrrAtRisk: cs.reduce((s, c) => s + overHorizon(c.probability, horizon) * c.mrr, 0),
  })
  const rows = [...groups].map(([k, cs]) => rowOf(k, cs)).sort((a, b) => b.mrrAtRisk - a.mrrAtRisk)
  const total = rowOf('all', pool)
  const currency = deps.catalog.meta.currency
  const title = lang === 'zh' ? `风险MRR（未来 ${horizon} 个月）` : `MRR at risk (next ${horizon} month${horizon > 1 ? 's' : ''})`
  return {
    kind: 'risk_summary' as const,
    date: scores.date,
    period: predictionPeriod(scores.date, horizon),
    horizonMonths: horizon,
    by: by ? by.id : null,
    where: Object.fromEntries(plan.where.map((w) => [w.dim.id, w.values])),
    total: { ...total, share: total.mrr ? total.mrrAtRisk / total.mrr : null },
    rows: by ? rows.map((r) => ({ ...r, share: r.mrr ? r.mrrAtRisk / r.mrr : null })) : [],
    highRiskCutoff: cutoff,
    currency,
    model: modelRef(scores.model),
    definition: riskDefinition(horizon, lang) + (lang === 'zh' ? ' 高风险 = 全部活跃客户中风险最高的10%。' : ' High risk = the top 10% of all active customers by risk.'),
    sql: scores.sql,
    rowCount: pool.length,
    chart: by && rows.length
      ? makeChart({ type: 'bar', title, x: rows.map((r) => r.segment), series: [{ name: title, values: rows.map((r) => Math.round(r.mrrAtRisk)) }], unit: currency })
      : null,
  }
}
