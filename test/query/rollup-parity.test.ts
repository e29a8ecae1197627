import { beforeAll, describe, expect, it } from 'vitest'
import { metrics } from '../../src/catalog/metrics.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { runMetric, type MetricQuery, type MetricResult, type QueryDeps } from '../../src/query/run-metric.js'
import { sampleDb } from '../fixtures/sample-db.js'
import { expectSameNumbers } from '../helpers/expect-same-numbers.js'

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
        // The flow and revenue families must actually have come from the rollups.
        const rolled = m.families.some((f) => f === 'flow' || f === 'revenue')
        expect(fast.sql.some((s) => /rollup_(flow|revenue)/.test(s)), `${m.id}, ${name} read the rollups`).toBe(rolled)
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
    const inactivity = await runMetric({ ...deps, churn: { kind: 'inactivity', days: 30 } }, { metric: 'churned_customers', period: { relative: 'last_quarter' } })
    expect(inactivity.sql.some((s) => s.includes('rollup_'))).toBe(false)
  })
})
