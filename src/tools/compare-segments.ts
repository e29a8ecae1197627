import { tool } from 'ai'
import { z } from 'zod'
import { compareMeasure, compareMeasureIds, compareMeasures, type CompareMeasureId, type MeasureSummary } from '../query/compare-measures.js'
import { runSegmentComparison } from '../query/compare-segments-sql.js'
import { runProfile } from '../query/profile-sql.js'
import { rollupComparison } from '../query/rollup-comparison.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { resolveCoveredPeriod } from '../time/covered-period.js'
import { resolveComparison } from '../query/resolve-comparison.js'
import { round } from '../query/run-metric.js'
import { twoProportionZTest, welchTTest, type TestResult } from '../query/significance.js'
import { describeChurnDefinition } from '../query/spells.js'
import { comparisonChart } from '../chart/comparison-chart.js'
import { filtersSchema, languageSchema, periodSchema } from './schemas.js'
import { asToolResult, type ToolDeps } from './tool-deps.js'

/** p-values below this count as significant. */
export const ALPHA = 0.05

function segmentSchema(catalog: DataCatalog) {
  return z.object({
    label: z.string().max(80).optional().describe('display name for the segment, e.g. "Enterprise in APAC"'),
    status: z.enum(['churned', 'retained', 'any']).optional().describe('churned = churned in the period; retained = still active at its end; any (default) = everyone active during it'),
    filters: filtersSchema(catalog),
  })
}

/** Input schema of compare_segments, built from the catalog so dimensions are enumerated. */
export function compareSegmentsInput(catalog: DataCatalog) {
  return z.object({
    a: segmentSchema(catalog).describe('first segment'),
    b: segmentSchema(catalog).optional().describe('second segment; omit for "everyone else" (retained vs churned, or customers not matching a\'s filters)'),
    measures: z.array(z.enum(compareMeasureIds)).min(1).max(compareMeasureIds.length).optional()
      .describe(compareMeasures.map((m) => `${m.id}: ${m.description}`).join(' | ')),
    period: periodSchema.optional(),
    language: languageSchema,
  })
}
/** Validated compare_segments input. */
export type CompareSegmentsInput = z.infer<ReturnType<typeof compareSegmentsInput>>

/** compare_segments: two segments side by side over a period, with a significance test per measure. */
export function compareSegmentsTool(deps: ToolDeps) {
  return tool({
    description:
      'Compare two customer segments over a period (e.g. churned vs retained customers, one region vs the rest): churn rate, tenure, MRR, tickets, resolution time, logins and their trend, NPS, each with the difference, a p-value and whether it is significant. Returns a chart and the SQL.',
    inputSchema: compareSegmentsInput(deps.catalog),
    execute: (input) => asToolResult(() => compareSegments(deps, input)),
  })
}

/** Runs compare_segments: one aggregated SQL query, then z/Welch tests on the aggregates. */
export async function compareSegments(deps: ToolDeps, input: CompareSegmentsInput) {
  const lang = input.language ?? 'en'
  const { a, b } = resolveComparison(deps.catalog, input.a, input.b, lang)
  const { period } = resolveCoveredPeriod(input.period, deps.catalog.coverage, deps.catalog.meta.asOf, deps.catalog.dataStart)
  const snapshot = deps.catalog.coverage.kind === 'snapshot'
  // Churn rate is 100% vs 0% by construction when a segment is defined by churn status.
  const byStatus = a.status !== 'any' || b.status !== 'any'
  const ids: readonly CompareMeasureId[] = input.measures?.length ? [...new Set(input.measures)] : compareMeasureIds.filter((id) => !(byStatus && id === 'churn_rate'))
  const defs = ids.map(compareMeasure)
  // The rollups answer a whole-month period with at most one filtered dimension; otherwise the raw queries run.
  const fast = await rollupComparison(deps, period, a, b, defs)
  const [{ rows, sql }, profile] = fast ? [fast.comparison, fast.profile] : await Promise.all([runSegmentComparison(deps, period, a, b, defs), runProfile(deps, period, a, b)])
  const measures = defs.map((def) => {
    const sa = def.summarize(rows.a, { snapshot })
    const sb = def.summarize(rows.b, { snapshot })
    const test = significance(def.test, sa, sb)
    const va = sa.value === null ? null : round(sa.value, def.unit)
    const vb = sb.value === null ? null : round(sb.value, def.unit)
    const significant = test.pValue !== null && test.pValue < ALPHA && va !== null && vb !== null
    return {
      id: def.id,
      name: def.name[lang],
      unit: def.unit,
      a: va,
      b: vb,
      difference: va !== null && vb !== null ? round(sa.value! - sb.value!, def.unit) : null,
      pValue: test.pValue === null ? null : Number(test.pValue.toPrecision(3)),
      significant,
      higher: significant ? (sa.value! > sb.value! ? ('a' as const) : ('b' as const)) : null,
      n: { a: sa.n, b: sb.n },
      test: def.test,
      description: def.description,
    }
  })
  const title = `${a.label} vs ${b.label} · ${period.label}`
  return {
    kind: 'comparison' as const,
    period,
    a: { label: a.label, customers: rows.a.customers ?? 0 },
    b: { label: b.label, customers: rows.b.customers ?? 0 },
    measures,
    // Every dimension and numeric attribute, strongest difference first (top values of each dimension only).
    profile: profile.factors.slice(0, 12).map((f) => (f.kind === 'dimension' ? { ...f, values: f.values.slice(0, 3) } : f)),
    churn: deps.churn,
    currency: deps.catalog.meta.currency,
    definition: `${describeChurnDefinition(deps.churn, lang)}. Population: customers with a subscription active at any time in the period; churned = a subscription ended in it; retained = active at its end; each customer is measured up to their endpoint (churn date, else period end). Rates: two-proportion z-test; means: Welch t-test; significant when p < ${ALPHA}.`,
    sql: [sql, ...profile.sql],
    rowCount: (rows.a.customers ?? 0) + (rows.b.customers ?? 0),
    chart: comparisonChart(title, { a: a.label, b: b.label }, measures, deps.catalog.meta.currency, lang),
  }
}

function significance(test: 'two_proportion_z' | 'welch_t', a: MeasureSummary, b: MeasureSummary): TestResult {
  if (test === 'two_proportion_z') {
    if (!a.proportion || !b.proportion) return { statistic: null, pValue: null }
    return twoProportionZTest(a.proportion.x, a.proportion.n, b.proportion.x, b.proportion.n)
  }
  if (!a.moments || !b.moments) return { statistic: null, pValue: null }
  return welchTTest(a.moments, b.moments)
}
