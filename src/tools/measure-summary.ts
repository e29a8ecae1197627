import { tool } from 'ai'
import { z } from 'zod'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { makeChart } from '../chart/make-chart.js'
import { AppError } from '../errors.js'
import { runMeasureStats } from '../query/measure-summary-sql.js'
import { resolveSegments } from '../query/resolve-segments.js'
import { resolveCoveredPeriod } from '../time/covered-period.js'
import { dimensionEnum, filtersSchema, languageSchema, periodSchema, toWhere } from './schemas.js'
import { asToolResult, type ToolDeps } from './tool-deps.js'

/** Numeric attribute ids of this data set as a zod enum. */
export function measureEnum(catalog: DataCatalog) {
  const ids = catalog.measures.map((m) => m.id)
  const list = catalog.measures.map((m) => `${m.id} (${m.name.en}/${m.name.zh})`).join(', ')
  return z.enum(ids as [string, ...string[]]).describe(`a numeric customer attribute: ${list}`)
}

/** Thresholds on numeric attributes ("balance over 100k" → { measure: 'balance', op: '>', value: 100000 }). */
export function thresholdsSchema(catalog: DataCatalog) {
  return z.array(z.object({ measure: measureEnum(catalog), op: z.enum(['>', '>=', '<', '<=']), value: z.number() })).max(3).optional()
    .describe('keep only customers whose numeric attribute passes these thresholds')
}

/** Input schema of measure_summary. */
export function measureSummaryInput(catalog: DataCatalog) {
  return z.object({
    measure: measureEnum(catalog),
    by: z.array(dimensionEnum(catalog)).max(1).optional().describe('one value per segment of this dimension'),
    byStatus: z.boolean().optional().describe('split churned customers (left in the period) from retained ones (still active at its end)'),
    filters: filtersSchema(catalog),
    thresholds: thresholdsSchema(catalog),
    period: periodSchema.optional(),
    language: languageSchema,
  })
}
/** Validated measure_summary input. */
export type MeasureSummaryInput = z.infer<ReturnType<typeof measureSummaryInput>>

/** measure_summary: the mean and median of a numeric attribute (age, balance, tenure, monthly charges…) by segment and/or churned vs retained. */
export function measureSummaryTool(deps: ToolDeps) {
  return tool({
    description:
      'Average and median of a numeric customer attribute (age, balance, tenure, monthly charges, credit score…) over the customers of a period, optionally per segment and/or for churned vs retained customers. Blank values are left out. Returns rows with n, mean, median, min, max, a chart and the SQL.',
    inputSchema: measureSummaryInput(deps.catalog),
    execute: (input) => asToolResult(() => measureSummary(deps, input)),
  })
}

/** Runs measure_summary. */
export async function measureSummary(deps: ToolDeps, input: MeasureSummaryInput) {
  const lang = input.language ?? 'en'
  const measure = deps.catalog.measures.find((m) => m.id === input.measure)
  if (!measure) throw new AppError('unknown_dimension', `Unknown numeric attribute "${input.measure}"`, { valid: deps.catalog.measures.map((m) => m.id) })
  const { period, adjustments } = resolveCoveredPeriod(input.period, deps.catalog.coverage, deps.catalog.meta.asOf, deps.catalog.dataStart)
  const plan = resolveSegments(deps.catalog, input.by ?? [], toWhere(input.filters), { thresholds: input.thresholds })
  const byStatus = input.byStatus ?? false
  const { rows, sql } = await runMeasureStats(deps, period, measure, plan, byStatus)
  const label = (r: (typeof rows)[number]) => [...r.groups, ...(r.status ? [statusName(r.status, lang)] : [])].join(' / ') || (lang === 'zh' ? '全部' : 'All')
  return {
    kind: 'measure' as const,
    measure: { id: measure.id, name: measure.name, unit: measure.unit, integer: measure.integer },
    period,
    coverage: deps.catalog.coverage,
    adjustments,
    by: plan.by.map((d) => d.id),
    where: Object.fromEntries(plan.where.map((w) => [w.dim.id, w.values])),
    byStatus,
    rows,
    currency: deps.catalog.meta.currency,
    definition: `Over the customers with a subscription active at any time in ${period.label}${byStatus ? '; churned = left in the period, retained = still active at its end' : ''}; blank values are left out.`,
    sql,
    rowCount: rows.length,
    chart: rows.length > 1
      ? makeChart({ type: 'bar', title: `${measure.name[lang]} · ${period.label}`, x: rows.map(label), series: [{ name: lang === 'zh' ? '平均值' : 'Mean', values: rows.map((r) => (r.mean === null ? null : Math.round(r.mean * 100) / 100)) }], unit: '' })
      : null,
  }
}

function statusName(s: 'churned' | 'retained', lang: 'en' | 'zh'): string {
  return s === 'churned' ? (lang === 'zh' ? '流失客户' : 'Churned') : (lang === 'zh' ? '留存客户' : 'Retained')
}
