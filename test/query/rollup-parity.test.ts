import { beforeAll, describe, expect, it } from 'vitest'
import { metrics } from '../../src/catalog/metrics.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { runMetric, type MetricQuery, type MetricResult, type QueryDeps } from '../../src/query/run-metric.js'
import { sampleDb } from '../fixtures/sample-db.js'
import { expectCloseNumbers, expectSameNumbers } from '../helpers/expect-same-numbers.js'
import { familyRunners } from '../../src/query/families/index.js'
import { resolveSegments } from '../../src/query/resolve-segments.js'
import { rollupFamily, usableRollups } from '../../src/query/rollup-family.js'
import { rollupComparison } from '../../src/query/rollup-comparison.js'
import { runSegmentComparison, type SegmentCondition } from '../../src/query/compare-segments-sql.js'
import { runProfile } from '../../src/query/profile-sql.js'
import { compareMeasures } from '../../src/query/compare-measures.js'
import { compareSegments, type CompareSegmentsInput } from '../../src/tools/compare-segments.js'

// The rollups must give exactly what the raw tables give: the raw path is the oracle. Every
// catalog metric, over periods made of whole months (which the rollups hold) and breakdowns by
// built-in and imported-style (attribute) dimensions, with filters.
let deps: QueryDeps
const raw = () => ({ ...deps, rollups: false })

beforeAll(async () => {
  const db = await sampleDb()
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
})

const shapes: Array<[string, Omit<MetricQuery, 'metric'>]> = [
  ['last month', { period: { relative: 'last_month' } }],
  ['last quarter by plan', { period: { relative: 'last_quarter' }, by: ['plan'] }],
  ['last quarter by plan × region', { period: { relative: 'last_quarter' }, by: ['plan', 'region'] }],
  ['last 12 months by contract (attribute), APAC only', { period: { relative: 'last_n_months', n: 12 }, by: ['contract'], where: { region: ['APAC'] } }],
  ['two years by quarter', { period: { relative: 'last_n_quarters', n: 8 }, grain: 'quarter' }],
  ['last 12 months by month and channel, Starter and Pro', { period: { relative: 'last_n_months', n: 12 }, grain: 'month', by: ['channel'], where: { plan: ['Starter', 'Pro'] } }],
  ['last quarter by region, two regions only', { period: { relative: 'last_quarter' }, by: ['region'], where: { region: ['APAC', 'Europe'] } }],
  ['calendar 2025 by industry', { period: { from: '2025-01-01', to: '2026-01-01' }, by: ['industry'] }],
  ['the first months of the data by month', { period: { from: '2023-11-01', to: '2024-05-01' }, grain: 'month', by: ['company_size'] }],
]

const withoutSql = (r: MetricResult) => ({ ...r, sql: [] })

describe('rollups give the raw tables\' results', () => {
  for (const m of metrics.filter((x) => !('kind' in x && x.kind === 'cohort'))) {
    it(`${m.id}: every period and breakdown`, async () => {
      for (const [name, shape] of shapes) {
        const q = { metric: m.id, ...shape } as MetricQuery
        if (q.grain && !(m.grains as readonly string[]).includes(q.grain)) continue
        const [fast, slow] = await Promise.all([runMetric(deps, q), runMetric(raw(), q)])
        // Counts must be identical; money may differ by a cent only where the exact value sits on a rounding boundary.
        expectSameNumbers(withoutSql(fast), withoutSql(slow), `${m.id}, ${name}`)
        // The rolled-up families must actually have come from the rollups.
        const rolled = m.families.some((f) => ['flow', 'revenue', 'engagement', 'tickets', 'nps'].includes(f))
        expect(fast.sql.some((s) => /rollup_(flow|revenue|monthly)/.test(s)), `${m.id}, ${name} read the rollups`).toBe(rolled)
        expect(slow.sql.some((s) => /rollup_/.test(s))).toBe(false)
      }
    })
  }

  it('falls back to the raw tables for what the rollups do not hold', async () => {
    // A period that is not whole months, a numeric band and the inactivity definition.
    const partial = await runMetric(deps, { metric: 'churn_rate', period: { from: '2026-07-15', to: '2026-10-01' }, by: ['plan'] })
    expect(partial.sql.some((s) => s.includes('rollup_'))).toBe(false)
    const banded = await runMetric(deps, { metric: 'churned_customers', period: { relative: 'last_quarter' }, bands: [{ measure: 'tenure_months', edges: [{ at: 12 }] }] })
    expect(banded.sql.some((s) => s.includes('rollup_'))).toBe(false)
    const threeDims = await runMetric(deps, { metric: 'churn_rate', period: { relative: 'last_quarter' }, by: ['plan', 'region'], where: { channel: ['Referral'] } })
    expect(threeDims.sql.some((s) => s.includes('rollup_'))).toBe(false)
    const inactivity = await runMetric({ ...deps, churn: { kind: 'inactivity', days: 30 } }, { metric: 'churned_customers', period: { relative: 'last_quarter' } })
    expect(inactivity.sql.some((s) => s.includes('rollup_'))).toBe(false)
  })
})

describe('compare_segments from the rollups gives the raw queries\' results', () => {
  const cases: Array<[string, CompareSegmentsInput]> = [
    ['churned vs retained, last quarter', { a: { status: 'churned' }, b: { status: 'retained' }, period: { relative: 'last_quarter' } }],
    ['APAC vs the rest, last quarter', { a: { filters: [{ dimension: 'region', values: ['APAC'] }] }, period: { relative: 'last_quarter' } }],
    ['churned Starter vs retained Starter, last month', { a: { status: 'churned', filters: [{ dimension: 'plan', values: ['Starter'] }] }, b: { status: 'retained', filters: [{ dimension: 'plan', values: ['Starter'] }] }, period: { relative: 'last_month' } }],
    ['annual contracts vs everyone, last 12 months', { a: { filters: [{ dimension: 'contract', values: ['Annual'] }] }, b: { status: 'any' }, period: { relative: 'last_n_months', n: 12 } }],
    ['churned vs any, calendar 2025', { a: { status: 'churned' }, b: { status: 'any' }, period: { from: '2025-01-01', to: '2026-01-01' } }],
  ]
  for (const [name, input] of cases) {
    it(name, async () => {
      const [fast, slow] = await Promise.all([compareSegments(deps, input), compareSegments(raw(), input)])
      expect(fast.sql.some((s) => s.includes('rollup_compare')), 'read the rollups').toBe(true)
      expect(slow.sql.some((s) => s.includes('rollup_'))).toBe(false)
      expectSameNumbers({ ...fast, sql: [] }, { ...slow, sql: [] }, name)
    })
  }

  it('falls back to the raw queries for two filtered dimensions or a partial month', async () => {
    const two = await compareSegments(deps, { a: { filters: [{ dimension: 'region', values: ['APAC'] }, { dimension: 'plan', values: ['Pro'] }] }, period: { relative: 'last_quarter' } })
    expect(two.sql.some((s) => s.includes('rollup_'))).toBe(false)
    const partial = await compareSegments(deps, { a: { status: 'churned' }, period: { from: '2026-07-10', to: '2026-10-01' } })
    expect(partial.sql.some((s) => s.includes('rollup_'))).toBe(false)
    // Three months off the calendar's quarters, long ago: not among the windows comparisons keep.
    const sliding = await compareSegments(deps, { a: { status: 'churned' }, period: { from: '2025-02-01', to: '2025-05-01' } })
    expect(sliding.sql.some((s) => s.includes('rollup_'))).toBe(false)
  })
})

// Before any rounding: the rollup rows and sums against the raw queries', to the last bits.
describe('rollup rows equal the raw family and comparison rows before rounding', () => {
  const input = (buckets: Array<{ key: string; start: string; end: string }>, by: string[], where: Record<string, string[]>) => ({
    db: deps.db as any, buckets, plan: resolveSegments(deps.catalog, by, where, {}), churn: { kind: 'subscription' as const }, asOf: deps.catalog.meta.asOf,
  })
  const sorted = (rows: Array<Record<string, unknown>>) => [...rows].sort((x, y) => JSON.stringify([x.bucket, x.g0, x.g1]).localeCompare(JSON.stringify([y.bucket, y.g0, y.g1])))
  const families = ['flow', 'revenue', 'engagement', 'tickets', 'nps'] as const
  const plans: Array<[string[], Record<string, string[]>]> = [[[], {}], [['plan'], {}], [['plan', 'contract'], {}], [['channel'], { region: ['APAC'] }], [['industry', 'company_size'], {}], [['industry'], { plan: ['Starter', 'Growth'] }]]
  const bucketSets = [
    [{ key: 'q', start: '2026-07-01', end: '2026-10-01' }],
    [{ key: 'm1', start: '2026-01-01', end: '2026-02-01' }, { key: 'm2', start: '2026-02-01', end: '2026-03-01' }, { key: 'm3', start: '2026-03-01', end: '2026-04-01' }],
    [{ key: 'y', start: '2025-06-01', end: '2026-06-01' }, { key: 'q', start: '2026-06-01', end: '2026-09-01' }],
  ]
  it('flow, revenue, engagement, tickets and NPS', async () => {
    const state = await usableRollups(deps.db, deps.catalog)
    expect(state).not.toBeNull()
    for (const f of families) for (const [by, where] of plans) for (const buckets of bucketSets) {
      const i = input(buckets, by, where)
      const fast = await rollupFamily(state, f, i)
      const slow = await familyRunners[f](i)
      expect(fast, `${f} ${by} ${JSON.stringify(where)}`).not.toBeNull()
      const clean = (rows: Array<Record<string, unknown>>) => sorted(rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.endsWith('_events')).map(([k, v]) => [k, typeof v === 'string' && k !== 'bucket' && !k.startsWith('g') ? Number(v) : v]))))
      expectCloseNumbers(clean(fast!.rows), clean(slow.rows), `${f} ${by} ${JSON.stringify(where)} ${buckets.map((b) => b.key)}`)
    }
  })

  it('compare_segments sums and profile', async () => {
    const conds: Array<[SegmentCondition, SegmentCondition]> = [
      [{ status: 'churned', filters: [], negateFilters: false }, { status: 'retained', filters: [], negateFilters: false }],
      [{ status: 'any', filters: [{ dim: dim('region'), values: ['APAC'] }], negateFilters: false }, { status: 'any', filters: [{ dim: dim('region'), values: ['APAC'] }], negateFilters: true }],
      [{ status: 'churned', filters: [{ dim: dim('contract'), values: ['Monthly'] }], negateFilters: false }, { status: 'any', filters: [], negateFilters: false }],
    ]
    for (const period of [{ from: '2026-07-01', to: '2026-10-01' }, { from: '2025-11-01', to: '2026-11-01' }, { from: '2026-09-01', to: '2026-10-01' }]) {
      for (const [a, b] of conds) {
        const p = { ...period, label: 'x' } as any
        const fast = await rollupComparison(deps, p, a, b, compareMeasures)
        expect(fast).not.toBeNull()
        const slow = await runSegmentComparison(raw(), p, a, b, compareMeasures)
        expectCloseNumbers(fast!.comparison.rows, slow.rows, `${period.from} ${a.status}/${b.status}`)
        const profile = await runProfile(raw(), p, a, b)
        expectCloseNumbers(fast!.profile.factors, profile.factors, `profile ${period.from} ${a.status}/${b.status}`)
      }
    }
  })
})

const dim = (id: string) => deps.catalog.dimensions.find((d) => d.id === id)!
