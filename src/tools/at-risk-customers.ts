import { tool } from 'ai'
import { z } from 'zod'
import { makeChart } from '../chart/make-chart.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { resolveSegments } from '../query/resolve-segments.js'
import { factorText } from '../risk/factor-text.js'
import { filterScores } from '../risk/filter-scores.js'
import { maskName } from '../risk/mask-name.js'
import { modelRef, riskDefinition } from '../risk/risk-provenance.js'
import { currentRiskScores, overHorizon, predictionPeriod } from '../risk/risk-scores.js'
import { filtersSchema, languageSchema, toWhere } from './schemas.js'
import { asToolResult, type ToolDeps } from './tool-deps.js'

/** Input of at_risk_customers. */
export function atRiskInput(catalog: DataCatalog) {
  return z.object({
    filters: filtersSchema(catalog),
    horizon_months: z.number().int().min(1).max(12).optional().describe('how far ahead: 1 = next month (default), 3 = next quarter'),
    limit: z.number().int().min(1).max(50).optional().describe('how many customers to list (default 10)'),
    language: languageSchema,
  })
}
export type AtRiskInput = z.infer<ReturnType<typeof atRiskInput>>

/** at_risk_customers: active customers ranked by churn risk, with MRR at risk and the top factors. */
export function atRiskCustomersTool(deps: ToolDeps) {
  return tool({
    description:
      'Which active customers are most likely to churn soon (next month by default), from a logistic-regression risk model trained on this company\'s own history: ranked customers (names masked) with churn probability, MRR, MRR at risk and the top factors raising each one\'s risk; totals for the segment; the model id and training date. Use for "who is at risk", "who will churn next month", "哪些客户有流失风险".',
    inputSchema: atRiskInput(deps.catalog),
    execute: (input) => asToolResult(() => atRiskCustomers(deps, input)),
  })
}

/** Runs at_risk_customers. */
export async function atRiskCustomers(deps: ToolDeps, input: AtRiskInput) {
  const lang = input.language ?? 'en'
  const horizon = input.horizon_months ?? 1
  const limit = input.limit ?? 10
  const plan = resolveSegments(deps.catalog, [], toWhere(input.filters))
  const scores = await currentRiskScores(deps.db, deps.catalog)
  const pool = filterScores(scores.customers, plan)
  const risk = (p: number) => overHorizon(p, horizon)
  const top = pool.slice(0, limit).map((c, i) => ({
    rank: i + 1,
    customerId: c.customerId,
    name: maskName(c.name),
    segment: Object.fromEntries(deps.catalog.dimensions.map((d) => [d.id, c.dims[d.id] ?? null])),
    probability: risk(c.probability),
    mrr: c.mrr,
    mrrAtRisk: risk(c.probability) * c.mrr,
    factors: c.factors.map((f) => ({ text: factorText(f.facts, deps.catalog, lang, deps.catalog.meta.currency), contribution: f.contribution, facts: f.facts })),
  }))
  const mrr = pool.reduce((s, c) => s + c.mrr, 0)
  const mrrAtRisk = pool.reduce((s, c) => s + risk(c.probability) * c.mrr, 0)
  const title = lang === 'zh' ? `流失风险最高的客户（未来 ${horizon} 个月）` : `Highest churn risk (next ${horizon} month${horizon > 1 ? 's' : ''})`
  return {
    kind: 'at_risk' as const,
    date: scores.date,
    period: predictionPeriod(scores.date, horizon),
    horizonMonths: horizon,
    where: Object.fromEntries(plan.where.map((w) => [w.dim.id, w.values])),
    totals: { customers: pool.length, expectedChurners: pool.reduce((s, c) => s + risk(c.probability), 0), mrr, mrrAtRisk },
    customers: top,
    currency: deps.catalog.meta.currency,
    model: modelRef(scores.model),
    definition: riskDefinition(horizon, lang),
    namesMasked: true as const,
    sql: scores.sql,
    rowCount: pool.length,
    chart: top.length
      ? makeChart({ type: 'bar', title, x: top.map((c) => `${c.customerId}`), series: [{ name: lang === 'zh' ? '流失概率' : 'churn probability', values: top.map((c) => Math.round(c.probability * 1000) / 10) }], unit: '%' })
      : null,
  }
}
