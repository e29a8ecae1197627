import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { metrics } from '../../src/catalog/metrics.js'
import { openDatabase, type Db } from '../../src/db/open-database.js'
import { generateSampleCompany } from '../../src/db/sample/generate-sample-company.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { runMetric, type QueryDeps } from '../../src/query/run-metric.js'
import { compareSegments } from '../../src/tools/compare-segments.js'
import { expectSameNumbers } from '../helpers/expect-same-numbers.js'
import { freshPostgres } from '../helpers/postgres-url.js'

// On PostgreSQL the rollups are built by the same seed and read by the same queries: each path is
// checked against the raw tables there (the SQLite side is test/query/rollup-parity.test.ts).
const server = await freshPostgres('churn_rollups')

describe.skipIf(server.url === null)('rollups on PostgreSQL give the raw tables\' results', () => {
  let db: Db
  let deps: QueryDeps
  beforeAll(async () => {
    db = await openDatabase(server.url!)
    await generateSampleCompany(db, { customers: 600 })
    deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
  })
  afterAll(async () => {
    await db?.destroy()
    if (server.url) await (server as { drop(): Promise<void> }).drop()
  })

  it('every rolled-up metric by plan last quarter, and by month and region over a year', async () => {
    for (const m of metrics.filter((x) => x.families.some((f) => ['flow', 'revenue', 'engagement', 'tickets', 'nps'].includes(f)))) {
      for (const q of [{ metric: m.id, period: { relative: 'last_quarter' as const }, by: ['plan'] }, { metric: m.id, period: { relative: 'last_n_months' as const, n: 12 }, grain: 'month' as const, by: ['region'] }]) {
        const [fast, slow] = await Promise.all([runMetric(deps, q), runMetric({ ...deps, rollups: false }, q)])
        expect(fast.sql.some((s) => s.includes('rollup_')), m.id).toBe(true)
        expectSameNumbers({ ...fast, sql: [] }, { ...slow, sql: [] }, m.id)
      }
    }
  })

  it('compare_segments: churned vs retained, and APAC vs the rest', async () => {
    for (const input of [{ a: { status: 'churned' as const }, b: { status: 'retained' as const }, period: { relative: 'last_quarter' as const } }, { a: { filters: [{ dimension: 'region', values: ['APAC'] }] }, period: { relative: 'last_year' as const } }]) {
      const [fast, slow] = await Promise.all([compareSegments(deps, input), compareSegments({ ...deps, rollups: false }, input)])
      expect(fast.sql.some((s) => s.includes('rollup_compare'))).toBe(true)
      expectSameNumbers({ ...fast, sql: [] }, { ...slow, sql: [] })
    }
  })
})
