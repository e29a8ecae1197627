import { tool } from 'ai'
import { z } from 'zod'
import { findMetric, metricIds, metrics } from '../catalog/metrics.js'
import { grains } from '../catalog/types.js'
import { makeChart } from '../chart/make-chart.js'
import { runCohortRetention } from '../query/cohort-retention.js'
import { periodLabel } from '../time/period.js'
import { observedPreviousPeriod } from '../time/covered-period.js'
import { runMetric, type MetricRow } from '../query/run-metric.js'
import { runWholeSpan } from '../query/whole-span.js'
import { resolveSegments } from '../query/resolve-segments.js'
import { describeChurnDefinition } from '../query/spells.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { BandSpec } from '../catalog/measure.js'
import { metricChart } from '../chart/metric-chart.js'
import { dimensionEnum, filtersSchema, languageSchema, periodSchema, toWhere } from './schemas.js'
import { asToolResult, type ToolDeps } from './tool-deps.js'
import { measureEnum, thresholdsSchema } from './measure-summary.js'

/** Rows beyond this are summarised, not sent: results go into an LLM context. */
export const MAX_ROWS = 40

/** Input schema of query_metric, built from the catalog so its JSON Schema lists metrics and dimensions. */
export function queryMetricInput(catalog: DataCatalog) {
  return z.object({
    metric: z.enum(metricIds).describe(metrics.map((m) => `${m.id}: ${m.description}`).join(' | ')),
    period: periodSchema.optional(),
    grain: z.enum(grains).optional().describe('bucket the period by day/week/month/quarter/year for a trend; omit for one value per segment'),
    by: z.array(dimensionEnum(catalog)).max(2).optional().describe('group by up to two dimensions'),
    filters: filtersSchema(catalog),
    bands: z.array(z.object({
      measure: measureEnum(catalog),
      edges: z.array(z.object({ at: z.number(), equalBelow: z.boolean().optional() })).min(1).max(11).optional()
        .describe('cut points in ascending order; a value equal to a cut point goes to the band above it unless equalBelow; omit for default bands'),
    })).max(1).optional().describe('group by a numeric attribute cut into bands ("churn by age band", "tenure under 12 / 12–24 / over 24 months")'),
    thresholds: thresholdsSchema(catalog),
    language: languageSchema,
  })
}
export type QueryMetricInput = z.infer<ReturnType<typeof queryMetricInput>>

/** query_metric: one catalog metric over a period, optionally trended and segmented, with headline, change and chart. */
export function queryMetricTool(deps: ToolDeps) {
  return tool({
    description:
      'Compute a churn/retention/revenue/engagement metric from the catalog over a period, optionally by time grain and up to two dimensions, with filters. Returns rows, a headline value with the change against the previous period, a chart, the SQL and the churn definition.',
    inputSchema: queryMetricInput(deps.catalog),
    execute: (input) => asToolResult(() => queryMetric(deps, input)),
  })
}

/** Runs query_metric (also used directly by tests and the metrics API). */
export async function queryMetric(deps: ToolDeps, input: QueryMetricInput) {
  const lang = input.language ?? 'en'
  const where = toWhere(input.filters)
  if (input.metric === 'cohort_retention') {
    const r = await runCohortRetention(deps, { period: input.period, where })
    const recent = r.cohorts.slice(-6)
    const x = Array.from({ length: r.months }, (_, k) => (lang === 'zh' ? `第${k}月` : `M${k}`))
    const chart = makeChart({ type: 'line', title: lang === 'zh' ? '同期群留存' : 'Cohort retention', x, series: recent.map((c) => ({ name: c.cohort, values: c.retention })), unit: '%', lang })
    return { kind: 'cohort' as const, metric: { id: 'cohort_retention', unit: 'percent' }, period: r.period, cohorts: r.cohorts.slice(-24), definition: describeChurnDefinition(deps.churn, lang), sql: r.sql, rowCount: r.cohorts.length, chart }
  }
  const base = { metric: input.metric, period: input.period, where, thresholds: input.thresholds }
  const result = await runMetric(deps, { ...base, grain: input.grain, by: input.by, bands: input.bands })
  const totalNow = input.grain || input.by?.length || input.bands?.length ? await runMetric(deps, base) : result
  // A previous-period figure only when the data observes that period too; its SQL joins the provenance.
  const prevRange = observedPreviousPeriod(totalNow.period, totalNow.coverage)
  const prev = prevRange ? await runMetric(deps, { ...base, period: prevRange }) : null
  // No period asked on dated data: the answer also gives the whole span, which can tell a different story.
  const spanWanted = result.coverage.kind === 'dated' && result.adjustments.some((a) => a.kind === 'default_period') &&
    (input.metric === 'churn_rate' || input.metric === 'churned_customers') && !input.grain
  // Bands with their cuts given ("20 or more seats vs fewer") split the whole span too; default cuts are resolved inside runMetric only.
  const spanBands = input.bands?.every((b) => b.edges?.length) ? (input.bands as BandSpec[]) : undefined
  // A count or amount that adds up (churn events, refunds): its total over all the data.
  const totalWanted = result.coverage.kind === 'dated' && result.adjustments.some((a) => a.kind === 'default_period') && !!findMetric(input.metric)?.spanTotal && !input.grain
  const allTime = totalWanted ? await runMetric(deps, { ...base, period: { relative: 'all_time' } }) : null
  const span = spanWanted ? await runWholeSpan(deps, resolveSegments(deps.catalog, input.by ?? [], where, { thresholds: input.thresholds, bands: spanBands })) : null
  const current = totalNow.rows[0]?.value ?? null
  const previous = prev?.rows[0]?.value ?? null
  const prevLabel = prev ? periodLabel(prev.period.from, prev.period.to) : ''
  const change = current !== null && previous !== null ? Math.round((current - previous) * 100) / 100 : null
  // Segments beyond MAX_ROWS are left out by value, never alphabetically: the largest (the answer to "which city
  // lost the most?") must survive the cut. Trends keep their time order.
  const kept = input.grain || result.rows.length <= MAX_ROWS
    ? new Set(result.rows.slice(0, MAX_ROWS))
    : new Set([...result.rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)).slice(0, MAX_ROWS))
  const rows = result.rows.filter((r) => kept.has(r))
  return {
    kind: 'metric' as const,
    metric: { ...result.metric, name: result.metric.name },
    period: result.period,
    grain: result.grain,
    by: result.by,
    where: result.where,
    names: result.names,
    headline: {
      value: current,
      ...(totalNow.rows[0]?.reason ? { reason: totalNow.rows[0].reason } : {}),
      parts: totalNow.rows[0]?.parts ?? {},
      previous: prev ? { period: prevLabel, value: previous } : null,
      change,
      changeUnit: result.metric.unit === 'percent' ? 'percentage points' : result.metric.unit,
    },
    rows: rows.map(compactRow),
    ...(result.rows.length > MAX_ROWS ? { truncated: result.rows.length - MAX_ROWS } : {}),
    ...((input.by?.length || input.bands?.length) && !input.grain ? { ranking: rank(result.rows, result.metric.higherIsBetter) } : {}),
    currency: result.currency,
    definition: describeChurnDefinition(deps.churn, lang),
    churn: result.churn,
    coverage: result.coverage,
    adjustments: result.adjustments,
    ...(totalNow.reading ? { reading: totalNow.reading } : {}),
    ...(span ? { wholeSpan: { from: deps.catalog.coverage.from, to: deps.catalog.coverage.to, rows: span.rows.slice(0, MAX_ROWS) } } : {}),
    ...(allTime?.rows[0] ? { spanTotal: { period: allTime.period, value: allTime.rows[0].value, parts: allTime.rows[0].parts ?? {} } } : {}),
    sql: [...new Set([...result.sql, ...totalNow.sql, ...(prev?.sql ?? []), ...(span ? [span.sql] : []), ...(allTime?.sql ?? [])])],
    rowCount: result.rows.length,
    chart: metricChart(result, lang, prev ? { label: prevLabel, value: previous } : undefined),
  }
}

function compactRow(r: MetricRow) {
  return { ...(r.period ? { period: r.period } : {}), ...r.segment, value: r.value, ...(r.reason ? { reason: r.reason } : {}), ...r.parts }
}

// Highest and lowest segment by value, so "which region churns most" is answered from data, not guessed.
function rank(rows: MetricRow[], higherIsBetter: boolean) {
  const valued = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!)
  if (!valued.length) return null
  const label = (r: MetricRow) => Object.values(r.segment).join(' / ')
  return { highest: { segment: label(valued[0]), value: valued[0].value }, lowest: { segment: label(valued.at(-1)!), value: valued.at(-1)!.value }, higherIsBetter }
}
