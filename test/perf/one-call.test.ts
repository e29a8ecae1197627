import { beforeAll, describe, expect, it } from 'vitest'
import { metrics } from '../../src/catalog/metrics.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { runMetric, runMetricWithPrevious } from '../../src/query/run-metric.js'
import { previousPeriod, resolvePeriod } from '../../src/time/period.js'
import type { ToolDeps } from '../../src/tools/tool-deps.js'
import { sampleDb } from '../fixtures/sample-db.js'

let deps: ToolDeps
beforeAll(async () => {
  const db = await sampleDb()
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
})

describe('a figure and its previous period from one query per family', () => {
  const periods = [{ relative: 'last_quarter' as const }, { relative: 'last_n_months' as const, n: 6 }, { from: '2026-02-10', to: '2026-05-20' }]
  for (const m of metrics.filter((x) => !('kind' in x && x.kind === 'cohort'))) {
    it(`${m.id}: equals two separate queries`, async () => {
      for (const period of periods) {
        const where: Record<string, string[]> = m.id === 'nps' ? {} : { region: ['EMEA', 'APAC'] }
        const p = resolvePeriod(period, deps.catalog.meta.asOf, deps.catalog.dataStart)
        const prev = previousPeriod(p)
        const pair = await runMetricWithPrevious(deps, { metric: m.id, period, where }, prev)
        const now = await runMetric(deps, { metric: m.id, period, where })
        const before = await runMetric(deps, { metric: m.id, period: prev, where })
        expect(pair.now.rows).toEqual(now.rows)
        expect(pair.now.period).toEqual(now.period)
        expect(pair.previous.rows).toEqual(before.rows)
        expect(pair.previous.period).toEqual(before.period)
        expect(pair.now.sql.length).toBe(now.sql.length)
      }
    })
  }
})
