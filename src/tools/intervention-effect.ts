import { tool } from 'ai'
import { z } from 'zod'
import { makeChart } from '../chart/make-chart.js'
import { interventionEffect } from '../risk/intervention-effect.js'
import { modelRef } from '../risk/risk-provenance.js'
import { languageSchema } from './schemas.js'
import { asToolResult, type ToolDeps } from './tool-deps.js'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')

/** Input of intervention_effect. */
export const interventionEffectInput = z.object({
  action: z.string().max(100).optional().describe('only interventions whose action contains this text, e.g. "call", "discount"'),
  team: z.string().max(100).optional().describe('only interventions by this team'),
  from: isoDate.optional().describe('interventions on or after this date'),
  to: isoDate.optional().describe('interventions before this date'),
  follow_months: z.number().int().min(1).max(12).optional().describe('months after each intervention in which churn is counted (default 3)'),
  language: languageSchema,
})

/** intervention_effect: did save actions (calls, offers…) lower churn against comparable untreated customers? */
export function interventionEffectTool(deps: ToolDeps) {
  return tool({
    description:
      'Whether save actions worked ("did our win-back calls work?", "挽回措施有效吗？"): churn of customers who got an intervention vs comparable untreated customers (same month, same risk decile from the risk model) over the following months, with a z-test and a plain verdict (helped / hurt / no clear difference / the data cannot tell).',
    inputSchema: interventionEffectInput,
    execute: (input) => asToolResult(() => runInterventionEffect(deps, input)),
  })
}

/** Runs intervention_effect. */
export async function runInterventionEffect(deps: ToolDeps, input: z.infer<typeof interventionEffectInput>) {
  const lang = input.language ?? 'en'
  const r = await interventionEffect(deps.db, deps.catalog, { action: input.action, team: input.team, from: input.from, to: input.to, followMonths: input.follow_months })
  const { model, ...rest } = r
  const title = lang === 'zh' ? `干预后 ${r.followMonths} 个月内的流失率` : `Churn within ${r.followMonths} months of the intervention`
  return {
    kind: 'intervention_effect' as const,
    ...rest,
    filters: { action: input.action ?? null, team: input.team ?? null, from: input.from ?? null, to: input.to ?? null },
    model: modelRef(model),
    definition: lang === 'zh'
      ? `每位被干预客户（取第一次符合条件的干预）与同月、同一风险十分位、在干预日仍活跃且前后没有被干预的客户比较；流失 = 干预后 ${r.followMonths} 个月内订阅结束；显著性为分层 z 检验（观察值 vs 期望值）。`
      : `Each treated customer (first matching intervention) is compared with untreated customers in the same month and risk decile who were still active on the contact day; churn = subscription ended within ${r.followMonths} months; significance by a stratified z-test (observed vs expected).`,
    rowCount: r.interventions,
    chart: r.treatedRate !== null && r.comparisonRate !== null
      ? makeChart({ type: 'bar', title, x: lang === 'zh' ? ['被干预', '可比未干预'] : ['treated', 'comparable untreated'], series: [{ name: title, values: [Math.round(r.treatedRate * 1000) / 10, Math.round(r.comparisonRate * 1000) / 10] }], unit: '%' })
      : null,
  }
}
