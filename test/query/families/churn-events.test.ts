import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config.js'
import { importCsv } from '../../../src/db/import/import-csv.js'
import { proposeMapping } from '../../../src/db/import/propose-mapping.js'
import { type Db, openDatabase } from '../../../src/db/open-database.js'
import { loadDataCatalog } from '../../../src/query/load-data-catalog.js'
import { runMetric, type QueryDeps } from '../../../src/query/run-metric.js'
import { SHARED_EXTERNAL, hasShared } from '../../eval/external/external-set.js'

const tmp = mkdtempSync(join(tmpdir(), 'churn-events-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
let db: Db
beforeEach(async () => { db = await openDatabase(':memory:') })
afterEach(async () => { await db.destroy() })

async function importFolder(dir: string): Promise<QueryDeps> {
  const p = await proposeMapping([dir], { write: false, today: '2026-12-01' })
  await importCsv(db, p.file, p.mapping)
  const config = loadConfig({ LOG_LEVEL: 'silent' })
  return { db, catalog: await loadDataCatalog(db), churn: config.churn, grossMargin: config.grossMargin, rollups: false }
}
const value = async (deps: QueryDeps, metric: string, extra: Record<string, unknown> = {}): Promise<Array<Record<string, unknown> & { value: number | null }>> =>
  (await runMetric(deps, { metric, ...extra })).rows.map((r) => ({ ...r.segment, ...(r.period ? { period: r.period } : {}), value: r.value }))

describe('churn events, refunds and the data\'s own churn flag', () => {
  it('keeps every event row (two on one day stay two), counts them and their refunds per period and segment', async () => {
    const dir = mkdtempSync(join(tmp, 'saas-'))
    writeFileSync(join(dir, 'saas_accounts.csv'), 'account_id,signup_date,plan_tier,churn_flag\nA,2024-01-10,Pro,True\nB,2024-02-01,Basic,False\nC,2024-03-05,Pro,False\nD,2024-03-06,Basic,False\n')
    // A has two events on 2024-03-15 (one churn for the rates, two events in the file).
    writeFileSync(join(dir, 'saas_churn_events.csv'), 'churn_event_id,account_id,churn_date,reason_code,refund_amount_usd,is_reactivation\nE1,A,2024-03-15,pricing,10.5,False\nE2,A,2024-03-15,support,0,False\nE3,A,2024-05-20,support,4,False\nE4,B,2024-04-30,features,0,True\n')
    const deps = await importFolder(dir)
    const rows = await db.selectFrom('churn_events').select(['customer_id', 'date', 'reactivation', 'refund']).orderBy('id').execute()
    expect(rows).toEqual([
      { customer_id: 'A', date: '2024-03-15', reactivation: 0, refund: 10.5 },
      { customer_id: 'A', date: '2024-03-15', reactivation: 0, refund: 0 },
      { customer_id: 'A', date: '2024-05-20', reactivation: 0, refund: 4 },
      { customer_id: 'B', date: '2024-04-30', reactivation: 1, refund: 0 },
    ])
    const year = { period: { from: '2024-01-01', to: '2025-01-01' } }
    // The data ends with its last event (asOf 2024-05-21): the year is answered for the quarters it covers.
    expect(await value(deps, 'churn_events', { ...year, grain: 'quarter' })).toEqual([{ period: '2024-Q1', value: 2 }, { period: '2024-Q2', value: 2 }])
    expect(await value(deps, 'churn_events', { ...year, by: ['plan'] })).toEqual([{ plan: 'Basic', value: 1 }, { plan: 'Pro', value: 3 }])
    expect(await value(deps, 'refunds', year)).toEqual([{ value: 14.5 }])
    expect(await value(deps, 'refunded_churn_events', year)).toEqual([{ value: 2 }])
    expect(await value(deps, 'avg_refund', year)).toEqual([{ value: 7.25 }])
    // The flag is undated: 1 of the 4 accounts (A, Pro); Pro 1 of 2 = 50%, Basic 0 of 2.
    expect(await value(deps, 'flagged_churn_rate', { period: { relative: 'all_time' }, by: ['plan'] })).toEqual([{ plan: 'Basic', value: 0 }, { plan: 'Pro', value: 50 }])
    expect(deps.catalog.metricsWithoutData?.map((x) => x.metric)).not.toContain('churn_events')
  })

  it('says which metrics a file without churn events or refunds cannot compute', async () => {
    const dir = mkdtempSync(join(tmp, 'flat-'))
    writeFileSync(join(dir, 'customers.csv'), 'customer_id,signup_date,churn_date,plan\nA,2024-01-10,2024-03-01,Pro\nB,2024-02-01,,Basic\n')
    const deps = await importFolder(join(dir, 'customers.csv'))
    const without = deps.catalog.metricsWithoutData?.map((x) => x.metric) ?? []
    expect(without).toEqual(expect.arrayContaining(['churn_events', 'refunds', 'refunded_churn_events', 'avg_refund', 'flagged_churn_rate']))
  })

  // Figures checked with a short Python count over the CSVs (csv.DictReader; see the RavenStack brief).
  it.skipIf(!hasShared)('RavenStack: 600 events, 2024 by quarter 54/92/130/251, refunds 8,652.25 over 142 events, flag share by industry', async () => {
    const deps = await importFolder(`${SHARED_EXTERNAL}ravenstack-saas-churn`)
    expect(await value(deps, 'churn_events', { period: { relative: 'all_time' } })).toEqual([{ value: 600 }])
    expect((await value(deps, 'churn_events', { period: { from: '2024-01-01', to: '2025-01-01' }, grain: 'quarter' })).map((r) => r.value)).toEqual([54, 92, 130, 251])
    const [refunds] = await value(deps, 'refunds', { period: { relative: 'all_time' } })
    expect(refunds.value).toBeCloseTo(8652.25, 6)
    expect(await value(deps, 'refunded_churn_events', { period: { relative: 'all_time' } })).toEqual([{ value: 142 }])
    expect((await value(deps, 'avg_refund', { period: { relative: 'all_time' } }))[0].value).toBeCloseTo(60.931338, 2)
    const flagged = Object.fromEntries((await value(deps, 'flagged_churn_rate', { period: { relative: 'all_time' }, by: ['industry'] })).map((r) => [r.industry, r.value]))
    expect(flagged.DevTools).toBeCloseTo(30.9735, 1)
    expect(flagged.Cybersecurity).toBeCloseTo(16, 2)
    expect(flagged.EdTech).toBeCloseTo(16.4557, 1)
  }, 60_000)
})
