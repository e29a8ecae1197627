import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importCsv } from '../../src/db/import/import-csv.js'
import { parseMapping } from '../../src/db/import/load-mapping.js'
import { openDatabase } from '../../src/db/open-database.js'
import { generateSampleCompany } from '../../src/db/sample/generate-sample-company.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'

const tmp = mkdtempSync(join(tmpdir(), 'churn-catalog-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('loadDataCatalog: metrics the data holds nothing for', () => {
  it('lists NPS, ticket, usage, acquisition-cost and revenue metrics for a file that has none of those records', async () => {
    const file = join(tmp, 'snapshot.csv')
    writeFileSync(file, 'id,tenure,churn\nA,5,Yes\nB,12,No\nC,30,No\n')
    const db = await openDatabase(':memory:')
    await importCsv(db, file, parseMapping({ customerId: 'id', asOf: '2024-07-01', signup: { tenureMonthsColumn: 'tenure' }, churn: { flagColumn: 'churn', trueValues: ['Yes'] } }))
    const without = (await loadDataCatalog(db)).metricsWithoutData ?? []
    // No charge column either (like BankChurners): every revenue figure would be $0, so those metrics are listed too.
    const revenue = ['mrr', 'churned_mrr', 'contraction_mrr', 'expansion_mrr', 'gross_revenue_churn_rate', 'net_revenue_retention', 'gross_revenue_retention', 'arpa', 'ltv', 'ltv_cac_ratio']
    expect(Object.fromEntries(without.map((x) => [x.metric, x.missing]))).toEqual({
      cac: 'acquisition_costs', logins_per_customer: 'usage', active_seats: 'usage', key_feature_uses: 'usage',
      tickets: 'tickets', tickets_per_customer: 'tickets', avg_resolution_hours: 'tickets', nps: 'nps_answers',
      churn_events: 'churn_events', refunds: 'refunds', refunded_churn_events: 'refunds', avg_refund: 'refunds', flagged_churn_rate: 'churn_flag',
      ...Object.fromEntries(revenue.map((id) => [id, 'revenue'])),
    })
    await db.destroy()
  })

  it('keeps the revenue metrics for a file with a monthly charge', async () => {
    const file = join(tmp, 'charged.csv')
    writeFileSync(file, 'id,tenure,churn,monthly\nA,5,Yes,20\nB,12,No,30\nC,30,No,40\n')
    const db = await openDatabase(':memory:')
    await importCsv(db, file, parseMapping({ customerId: 'id', asOf: '2024-07-01', signup: { tenureMonthsColumn: 'tenure' }, churn: { flagColumn: 'churn', trueValues: ['Yes'] }, mrr: { column: 'monthly' } }))
    const without = (await loadDataCatalog(db)).metricsWithoutData ?? []
    expect(without.filter((x) => x.missing === 'revenue')).toEqual([])
    await db.destroy()
  })

  it('lists only the churn-events-file metrics for the sample company, which has every other kind of record', async () => {
    const db = await openDatabase(':memory:')
    await generateSampleCompany(db, { customers: 300 })
    expect((await loadDataCatalog(db)).metricsWithoutData?.map((x) => x.metric)).toEqual(['churn_events', 'refunds', 'refunded_churn_events', 'avg_refund', 'flagged_churn_rate'])
    await db.destroy()
  })
})
