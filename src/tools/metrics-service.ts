import { z } from 'zod'
import { grains } from '../catalog/types.js'
import { relativePeriods } from '../catalog/period.js'
import { AppError } from '../errors.js'
import { isIsoDate } from '../time/dates.js'
import { runCohortRetention, type CohortResult } from '../query/cohort-retention.js'
import { parseWhere } from '../query/parse-where.js'
import { runMetric, type MetricResult } from '../query/run-metric.js'
import type { ToolDeps } from './tool-deps.js'
import type { Scope } from '../auth/principal.js'
import { scopeFilters } from '../auth/scope-filters.js'

const isoDate = z.string().refine(isIsoDate, 'expected a real date like 2026-01-31')

/** A metric request as the HTTP route and the CLI receive it: strings, validated here once. */
export const metricRequestSchema = z.strictObject({
  metric: z.string().min(1),
  by: z.string().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  period: z.enum(relativePeriods).optional(),
  n: z.coerce.number().int().min(1).max(120).optional(),
  grain: z.enum(grains).optional(),
  where: z.array(z.string()).default([]),
  months: z.coerce.number().int().min(1).max(36).optional(),
})

/** An unvalidated metric request (query string or CLI flags). */
export type MetricRequest = z.input<typeof metricRequestSchema>

/** What the service returns: a metric result, or the cohort matrix for `cohort_retention`. */
export type MetricResponse = { kind: 'metric'; result: MetricResult } | { kind: 'cohort'; result: CohortResult }

/**
 * The one path from a metric request to SQL, shared by `GET /api/metrics/:id` and `churn-insight metrics`.
 * A principal's `scope` narrows the filters the same way it does for the chat's tools (403 when none is left).
 */
export async function computeMetric(deps: ToolDeps, request: MetricRequest, scope?: Scope): Promise<MetricResponse> {
  const parsed = metricRequestSchema.safeParse(request)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue.path.join('.') || 'request'
    throw new AppError('bad_request', `Invalid ${field}: ${issue.message}`, { field })
  }
  const q = parsed.data
  if (q.n !== undefined && !q.period) throw new AppError('bad_request', '"n" needs a "period" such as last_n_months')
  const period = q.from || q.to ? { from: q.from, to: q.to } : q.period ? { relative: q.period, n: q.n } : undefined
  let where = parseWhere(q.where)
  if (scope) {
    const scoped = scopeFilters(deps.catalog, Object.entries(where).map(([dimension, values]) => ({ dimension, values })), scope, 'en')
    if ('error' in scoped) throw new AppError('forbidden', scoped.error.message)
    where = Object.fromEntries(scoped.map((f) => [f.dimension, f.values]))
  }
  if (q.metric === 'cohort_retention') return { kind: 'cohort', result: await runCohortRetention(deps, { period, where, months: q.months }) }
  const by = q.by ? q.by.split(',').map((s) => s.trim()).filter(Boolean) : []
  return { kind: 'metric', result: await runMetric(deps, { metric: q.metric, period, grain: q.grain, by, where }) }
}
