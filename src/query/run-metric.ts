import { AppError } from '../errors.js'
import { findMetric } from '../catalog/metrics.js'
import type { Measures, MetricDef } from '../catalog/metric-types.js'
import type { Grain, Unit } from '../catalog/types.js'
import type { ChurnDefinitionConfig } from '../config.js'
import type { Db } from '../db/open-database.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { monthsBetween } from '../time/dates.js'
import { familyRunners } from './families/index.js'
import type { FamilyRow } from './families/family.js'
import { bucketize, resolvePeriod, type Bucket, type Period, type PeriodInput } from '../time/period.js'
import { resolveSegments } from './resolve-segments.js'
import { describeChurnDefinition } from './spells.js'

/** Everything a metric query needs besides its input. */
export type QueryDeps = { db: Db; catalog: DataCatalog; churn: ChurnDefinitionConfig; grossMargin: number }

/** A catalog query: metric, period, optional grain, up to two group-by dimensions and filters. */
export type MetricQuery = { metric: string; period?: PeriodInput; grain?: Grain; by?: string[]; where?: Record<string, string[]> }

/** One result row: its time bucket (when a grain was asked), segment values, the value and its parts. */
export type MetricRow = { period?: string; segment: Record<string, string>; value: number | null; reason?: string; parts: Record<string, number> }

/** A metric result with its provenance: the period, churn definition and SQL it ran. */
export type MetricResult = {
  metric: { id: string; name: { en: string; zh: string }; unit: Unit; formula: string; higherIsBetter: boolean }
  period: Period
  grain?: Grain
  by: string[]
  where: Record<string, string[]>
  rows: MetricRow[]
  currency: string
  definition: string
  sql: string[]
}

/** Validates a query against the catalog and runs it: one SQL query per measure family. */
export async function runMetric(deps: QueryDeps, q: MetricQuery): Promise<MetricResult> {
  return runBuckets(deps, q, (period) => bucketize(period, q.grain))
}

/**
 * The ungrouped, ungrained value of `q` for its period and for `previous` (the period just before
 * it), from one engine call per family: both are buckets of one query over [previous.from, to).
 */
export async function runMetricWithPrevious(deps: QueryDeps, q: Omit<MetricQuery, 'by' | 'grain'>, previous: { from: string; to: string }): Promise<{ now: MetricResult; previous: MetricResult }> {
  let now: Period | undefined
  const both = await runBuckets(deps, q, (period) => {
    now = period
    return [{ key: 'previous', start: previous.from, end: previous.to }, { key: 'total', start: period.from, end: period.to }]
  })
  const prevPeriod = resolvePeriod({ from: previous.from, to: previous.to }, deps.catalog.meta.asOf, deps.catalog.dataStart)
  // Only the row order tells the buckets apart once merged: previous first, as bucketed.
  return { now: { ...both, period: now!, rows: both.rows.slice(1) }, previous: { ...both, period: prevPeriod, rows: both.rows.slice(0, 1) } }
}

async function runBuckets(deps: QueryDeps, q: MetricQuery, bucketsFor: (period: Period) => Bucket[]): Promise<MetricResult> {
  const def = findMetric(q.metric)
  if (!def) {
    throw new AppError('unknown_metric', `Unknown metric "${q.metric}". Valid metrics: ${deps.catalog.metrics.map((m) => m.id).join(', ')}`, {
      valid: deps.catalog.metrics.map((m) => m.id),
    })
  }
  if (def.kind === 'cohort') throw new AppError('bad_request', 'cohort_retention returns a matrix: use runCohortRetention')
  if (q.grain && !def.grains.includes(q.grain)) {
    throw new AppError('bad_request', `${def.id} cannot be bucketed by ${q.grain}; allowed grains: ${def.grains.join(', ')}`)
  }
  const plan = resolveSegments(deps.catalog, q.by, q.where)
  const period = clampPeriod(resolvePeriod(q.period ?? {}, deps.catalog.meta.asOf, deps.catalog.dataStart), def)
  const buckets = bucketsFor(period)
  const input = { db: deps.db as any, buckets, plan, churn: deps.churn, asOf: deps.catalog.meta.asOf }
  const results = await Promise.all(def.families.map((f) => familyRunners[f](input)))
  const merged = mergeFamilies(results.map((r) => r.rows), buckets, plan.by.length === 0)
  const rows = [...merged.values()].map(({ bucket, groups, measures }) => {
    const months = Math.max(1, monthsSpan(buckets.find((b) => b.key === bucket)!))
    const v = def.compute(measures, { months, grossMargin: deps.grossMargin })
    const segment = Object.fromEntries(plan.by.map((d, i) => [d.id, groups[i]]))
    return {
      ...(q.grain ? { period: bucket } : {}),
      segment,
      value: v.value === null || !Number.isFinite(v.value) ? null : round(v.value, def.unit),
      ...(v.value === null || !Number.isFinite(v.value) ? { reason: v.reason ?? 'not defined for this period' } : {}),
      parts: Object.fromEntries(def.parts.map((p) => [p, round(measures[p] ?? 0, 'ratio')])),
    } satisfies MetricRow
  })
  return {
    metric: { id: def.id, name: def.name, unit: def.unit, formula: def.formula, higherIsBetter: def.higherIsBetter },
    period,
    ...(q.grain ? { grain: q.grain } : {}),
    by: plan.by.map((d) => d.id),
    where: Object.fromEntries(plan.where.map((w) => [w.dim.id, w.values])),
    rows,
    currency: deps.catalog.meta.currency,
    definition: describeChurnDefinition(deps.churn),
    sql: results.map((r) => r.sql),
  }
}

// Revenue metrics use monthly snapshots; a period inside one month would compare a month with itself.
function clampPeriod(p: Period, def: MetricDef): Period {
  if (!def.grains.includes('day') && monthsBetween(p.from, p.to) < 1 && p.from.slice(0, 7) === p.to.slice(0, 7)) {
    throw new AppError('bad_period', `${def.name.en} is measured monthly: choose a period of at least one calendar month`)
  }
  return p
}

// Whole calendar months count as such; partial buckets use the average month length.
function monthsSpan(b: Bucket): number {
  if (b.start.endsWith('-01') && b.end.endsWith('-01')) return monthsBetween(b.start, b.end)
  const days = (Date.parse(b.end) - Date.parse(b.start)) / 86_400_000
  return days / 30.4375
}

type Merged = { bucket: string; groups: string[]; measures: Measures }

/** Merges family rows on (bucket, segment); missing measures are 0; every bucket appears when ungrouped. */
function mergeFamilies(families: FamilyRow[][], buckets: Bucket[], ungrouped: boolean): Map<string, Merged> {
  const out = new Map<string, Merged>()
  const order = new Map(buckets.map((b, i) => [b.key, i]))
  if (ungrouped) for (const b of buckets) out.set(b.key, { bucket: b.key, groups: [], measures: {} })
  for (const rows of families) {
    for (const r of rows) {
      const groups = [r.g0, r.g1].filter((g): g is string => g !== undefined).map(String)
      const key = [r.bucket, ...groups].join('\u0000')
      const m = out.get(key) ?? { bucket: r.bucket, groups, measures: {} }
      for (const [k, v] of Object.entries(r)) if (k !== 'bucket' && k !== 'g0' && k !== 'g1') m.measures[k] = Number(v ?? 0)
      out.set(key, m)
    }
  }
  const sorted = [...out.entries()].sort(([, a], [, b]) => (order.get(a.bucket)! - order.get(b.bucket)!) || a.groups.join().localeCompare(b.groups.join()))
  return new Map(sorted.map(([k, v]) => [k, { ...v, measures: new Proxy(v.measures, { get: (t, p) => (typeof p === 'string' ? (t[p] ?? 0) : undefined) }) }]))
}

/** Rounds for display and LLM context: counts whole, money and rates to 2 decimals. */
export function round(v: number, unit: Unit): number {
  if (unit === 'count') return Math.round(v)
  return Math.round(v * 100) / 100
}
