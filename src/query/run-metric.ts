import { AppError } from '../errors.js'
import { findMetric } from '../catalog/metrics.js'
import type { Family, Measures, MetricDef } from '../catalog/metric-types.js'
import type { Grain, Unit } from '../catalog/types.js'
import type { ChurnDefinitionConfig } from '../config.js'
import type { Db } from '../db/open-database.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { monthsBetween } from '../time/dates.js'
import { familyRunners, type FamilyRunner } from './families/index.js'
import type { FamilyInput, FamilyRow } from './families/family.js'
import { rollupFamily, usableRollups } from './rollup-family.js'
import { bucketize, type Bucket, type Period, type PeriodInput } from '../time/period.js'
import { resolveCoveredPeriod } from '../time/covered-period.js'
import type { Coverage, PeriodAdjustment, RateReading } from '../catalog/coverage.js'
import type { ChurnDefinition } from '../catalog/churn-definition.js'
import { resolveSegments } from './resolve-segments.js'
import type { BandSpec } from '../catalog/measure.js'
import { defaultEdges, type Threshold } from './band-dimension.js'
import { measureExpr } from './measure-sql.js'
import { sql } from 'kysely'
import { describeChurnDefinition } from './spells.js'

/** Everything a metric query needs besides its input. */
export type QueryDeps = {
  db: Db; catalog: DataCatalog; churn: ChurnDefinitionConfig; grossMargin: number
  /** false: always query the raw tables (the rollup parity test and the benchmark's DuckDB comparison). */
  rollups?: boolean
}

/** A catalog query: metric, period, optional grain, up to two group-by dimensions and filters. */
export type MetricQuery = {
  metric: string; period?: PeriodInput; grain?: Grain; by?: string[]; where?: Record<string, string[]>
  /** Numeric attributes cut into bands, grouped like dimensions; thresholds filter on them. */
  bands?: Array<Omit<BandSpec, 'edges'> & { edges?: BandSpec['edges'] }>; thresholds?: Threshold[]
}

/** One result row: its time bucket (when a grain was asked), segment values, the value and its parts. */
export type MetricRow = { period?: string; segment: Record<string, string>; value: number | null; reason?: string; parts: Record<string, number> }

/** A metric result with its provenance: the period, churn definition and SQL it ran. */
export type MetricResult = {
  metric: { id: string; name: { en: string; zh: string }; unit: Unit; formula: string; higherIsBetter: boolean; bucketsAddUp?: boolean }
  period: Period
  grain?: Grain
  by: string[]
  where: Record<string, string[]>
  /** Names of the dimensions and bands in `by` and `where`, in both languages. */
  names: Record<string, { en: string; zh: string }>
  rows: MetricRow[]
  currency: string
  /** The churn definition in English words (for logs and the CLI); answers word `churn` themselves. */
  definition: string
  churn: ChurnDefinition
  /** What the data observes, and how the period was fitted to it. */
  coverage: Coverage
  adjustments: PeriodAdjustment[]
  /** How a churn-type rate was read (absent for other metrics). */
  reading?: RateReading
  sql: string[]
}

/** Validates a query against the catalog and runs it: one SQL query per measure family. */
export async function runMetric(deps: QueryDeps, q: MetricQuery): Promise<MetricResult> {
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
  const bands = await Promise.all((q.bands ?? []).map((b) => withDefaultEdges(deps, b)))
  const plan = resolveSegments(deps.catalog, q.by, q.where, { bands, thresholds: q.thresholds })
  const coverage = deps.catalog.coverage
  const snapshot = coverage.kind === 'snapshot'
  const covered = resolveCoveredPeriod(q.period, coverage, deps.catalog.meta.asOf, deps.catalog.dataStart, q.grain)
  const period = clampPeriod(covered.period, def, snapshot)
  const buckets = bucketize(period, q.grain)
  const input = { db: deps.db as any, buckets, plan, churn: deps.churn, asOf: deps.catalog.meta.asOf }
  const rollups = deps.rollups === false ? null : await usableRollups(deps.db, deps.catalog)
  // The rollups answer what they hold; anything else runs the family's query on the raw tables.
  const runFamilyOf = async (f: Family, i: FamilyInput) => (await rollupFamily(rollups, f, i)) ?? familyRunners[f](i)
  const results = await Promise.all(def.families.map((f) => runFamilyOf(f, input)))
  const merged = mergeFamilies(results.map((r) => r.rows), buckets, plan.by.length === 0)
  const multiMonth = buckets.some((b) => monthsSpan(b) > 1.01)
  const monthly = def.monthlyAverage && !snapshot && multiMonth ? await monthlyRates((i) => runFamilyOf('flow', i), { ...input, buckets: bucketize(period, 'month') }, buckets) : null
  if (monthly) {
    for (const m of merged.values()) {
      const avg = monthly.rates.get([m.bucket, ...m.groups].join('\u0000'))
      m.measures.avg_monthly_churn = avg?.mean ?? 0
      m.measures.avg_monthly_months = avg?.months ?? 0
    }
  }
  const rows = [...merged.values()].map(({ bucket, groups, measures }) => {
    const months = Math.max(1, monthsSpan(buckets.find((b) => b.key === bucket)!))
    const v = def.compute(measures, { months, grossMargin: deps.grossMargin, snapshot })
    if (def.bounded && v.value !== null && (v.value < -1e-9 || v.value > 100 + 1e-9)) {
      // A share outside 0–100% means the numerator is not a subset of the denominator: a bug, never an answer.
      throw new AppError('internal', `${def.id} came out at ${v.value} for ${bucket} ${groups.join('/')}: outside 0–100%`)
    }
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
    metric: { id: def.id, name: def.name, unit: def.unit, formula: def.formula, higherIsBetter: def.higherIsBetter, ...(def.bucketsAddUp ? { bucketsAddUp: true } : {}) },
    period,
    ...(q.grain ? { grain: q.grain } : {}),
    by: plan.by.map((d) => d.id),
    where: Object.fromEntries(plan.where.map((w) => [w.dim.id, w.values])),
    names: Object.fromEntries([...plan.by, ...plan.where.map((w) => w.dim)].map((d) => [d.id, d.name])),
    rows,
    currency: deps.catalog.meta.currency,
    definition: describeChurnDefinition(deps.churn),
    churn: deps.churn,
    coverage,
    adjustments: covered.adjustments,
    ...(def.monthlyAverage ? { reading: snapshot ? { kind: 'snapshot_share' as const } : monthly ? { kind: 'average_monthly' as const, months: bucketize(period, 'month').length } : { kind: 'single_period' as const } } : {}),
    sql: [...results.map((r) => r.sql), ...(monthly ? [monthly.sql] : [])],
  }
}

/**
 * The starting-cohort churn of each month, averaged over the months of each bucket and segment:
 * the SaaS convention for "the churn rate" over a quarter or a year. Months with nobody active
 * at their start are left out of the average.
 */
async function monthlyRates(runFlow: FamilyRunner, input: FamilyInput, buckets: Bucket[]): Promise<{ rates: Map<string, { mean: number; months: number }>; sql: string }> {
  const flow = await runFlow(input)
  const acc = new Map<string, { sum: number; months: number }>()
  for (const r of flow.rows) {
    const month = input.buckets.find((b) => b.key === r.bucket)!
    const owner = buckets.find((b) => month.start >= b.start && month.start < b.end)
    const active = Number(r.active_start ?? 0)
    if (!owner || active <= 0) continue
    const key = [owner.key, ...[r.g0, r.g1].filter((g) => g !== undefined).map(String)].join('\u0000')
    const a = acc.get(key) ?? { sum: 0, months: 0 }
    a.sum += (100 * Number(r.churned_from_start ?? 0)) / active
    a.months++
    acc.set(key, a)
  }
  return { rates: new Map([...acc].map(([k, a]) => [k, { mean: a.sum / a.months, months: a.months }])), sql: flow.sql }
}

// Revenue metrics use monthly snapshots; a period inside one month would compare a month with itself.
function clampPeriod(p: Period, def: MetricDef, snapshot: boolean): Period {
  if (!snapshot && !def.grains.includes('day') && monthsBetween(p.from, p.to) < 1 && p.from.slice(0, 7) === p.to.slice(0, 7)) {
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

/** A band without cut points gets round ones spanning the attribute's observed range. */
async function withDefaultEdges(deps: QueryDeps, b: Omit<BandSpec, 'edges'> & { edges?: BandSpec['edges'] }): Promise<BandSpec> {
  if (b.edges?.length) return { measure: b.measure, edges: b.edges, ...(b.range ? { range: b.range } : {}) }
  const m = deps.catalog.measures.find((x) => x.id === b.measure)
  if (!m) return { measure: b.measure, edges: [] }
  const x = measureExpr(m, deps.catalog.meta.asOf)
  const r = await sql<{ lo: number | null; hi: number | null }>`select min(${x}) as lo, max(${x}) as hi from customers c`.execute(deps.db)
  const { lo, hi } = r.rows[0] ?? { lo: null, hi: null }
  if (lo === null || hi === null) return { measure: b.measure, edges: [] }
  // A few whole values (contacts 0–6, satisfaction 1–5): one band per value.
  if (m.integer && Number(hi) - Number(lo) <= 12) return { measure: b.measure, edges: Array.from({ length: Number(hi) - Number(lo) }, (_, i) => ({ at: Number(lo) + i + 1 })), range: { min: Number(lo), max: Number(hi) } }
  return { measure: b.measure, edges: defaultEdges(Number(lo), Number(hi), m.integer) }
}
