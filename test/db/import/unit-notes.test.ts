import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chineseColumnName } from '../../../src/db/import/chinese-column-name.js'
import { lookupColumn, currencyFromName, withoutUnitNote } from '../../../src/db/import/column-dictionary.js'
import { writePrepared } from '../../../src/db/import/import-csv.js'
import { prepareImport } from '../../../src/db/import/prepare-import.js'
import { proposeMapping } from '../../../src/db/import/propose-mapping.js'
import { openDatabase } from '../../../src/db/open-database.js'
import { loadDataCatalog } from '../../../src/query/load-data-catalog.js'
import { runMetric } from '../../../src/query/run-metric.js'

const tmp = mkdtempSync(join(tmpdir(), 'churn-unit-notes-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('column names with a unit or currency note', () => {
  it('are looked up without the note, and the note names the currency', () => {
    expect(withoutUnitNote('Monthly Fee (EUR)')).toBe('Monthly Fee')
    expect(withoutUnitNote('月费（元）')).toBe('月费')
    expect(withoutUnitNote('Tenure [months]')).toBe('Tenure')
    expect(lookupColumn('Monthly Fee (EUR)')?.role).toBe('mrr')
    expect(lookupColumn('月费（元）')?.role).toBe('mrr')
    expect(currencyFromName('Monthly Fee (EUR)')).toBe('EUR')
    expect(currencyFromName('Monthly charge (€)')).toBe('EUR')
    expect(currencyFromName('月费（元）')).toBe('CNY')
    expect(currencyFromName('MRR in RMB')).toBe('CNY')
    expect(currencyFromName('Seats')).toBeUndefined()
  })
})

describe('a dated export with "Monthly Fee (EUR)"', () => {
  // A left 15 March (billed for March), B left 20 May, C stays, D joined 10 April and left 5 June,
  // E joined in July (so Q2 is complete). Q2 starts with B and C (A left in Q1): start MRR 20 + 40 = 60;
  // at its end only C is active: churned MRR 20 (B). A's March bill is not a Q2 loss.
  const csv = [
    'Account ID,Plan,Signup Date,Cancelled On,Monthly Fee (EUR)',
    'A,Basic,2025-01-10,2025-03-15,10',
    'B,Basic,2025-01-05,2025-05-20,20',
    'C,Pro,2025-02-01,,40',
    'D,Pro,2025-04-10,2025-06-05,80',
    'E,Basic,2025-07-20,,5',
  ].join('\n')

  it('maps the fee as monthly revenue in euros and books each loss once, in the quarter of the churn date', async () => {
    const file = join(tmp, 'accounts.csv')
    writeFileSync(file, `${csv}\n`)
    const proposal = await proposeMapping([file], { write: false, today: '2026-12-01' })
    expect(proposal.mapping.mrr).toEqual({ column: 'Monthly Fee (EUR)' })
    expect(proposal.mapping.currency).toBe('EUR')
    const prepared = await prepareImport(proposal.file, proposal.mapping, { tables: proposal.tables })
    const db = await openDatabase(join(tmp, 'accounts.db'), { readers: 0 })
    try {
      await writePrepared(db, file, prepared, {})
      const deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' as const }, grossMargin: 0.8 }
      const q2 = { from: '2025-04-01', to: '2025-07-01' }
      expect((await runMetric(deps, { metric: 'churned_mrr', period: q2 })).rows[0].value).toBe(20)
      // MRR at the end of March: the customers still active on 1 April, B and C.
      expect((await runMetric(deps, { metric: 'mrr', period: { from: '2025-03-01', to: '2025-04-01' } })).rows[0].value).toBe(60)
      expect((await runMetric(deps, { metric: 'gross_revenue_churn_rate', period: q2 })).rows[0].value).toBe(Math.round((10000 * 20) / 60) / 100)
      // March: A (billed 10 in February and March) leaves; the February start MRR was A + B + C = 70.
      expect((await runMetric(deps, { metric: 'churned_mrr', period: { from: '2025-03-01', to: '2025-04-01' } })).rows[0].value).toBe(10)
    } finally {
      await db.destroy()
    }
  })
})

describe('a snapshot with a yearly contract value, a status column and decimal-comma years', () => {
  it('reads the tenure in years, a twelfth of the yearly value as MRR, and names English headers in Chinese word by word', async () => {
    const file = join(tmp, 'clients.csv')
    writeFileSync(file, ['Client Ref;Sales Region;Years as customer;Annual contract value;Support calls (12m);Status', 'C1;North;2,5;1200;3;Active', 'C2;South;0,5;2400;7;Cancelled', 'C3;North;6;6000;1;Active'].join('\n') + '\n')
    const proposal = await proposeMapping([file], { write: false, today: '2026-12-01' })
    expect(proposal.mapping.signup).toEqual({ tenureColumn: 'Years as customer', unit: 'years' })
    expect(proposal.mapping.mrr).toEqual({ column: 'Annual contract value', per: 'year' })
    expect(proposal.mapping.churn).toMatchObject({ statusColumn: 'Status', churnedValues: ['Cancelled'] })
    expect(proposal.mapping.dimensions.find((d) => d.sourceColumn === 'Sales Region')?.name.zh).toBe('销售地区')
    const prepared = await prepareImport(proposal.file, proposal.mapping, { tables: proposal.tables })
    const db = await openDatabase(join(tmp, 'clients.db'), { readers: 0 })
    try {
      await writePrepared(db, file, prepared, {})
      const deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' as const }, grossMargin: 0.8 }
      // Revenue lost: the churner's 2,400 a year of the 9,600 a year all three pay.
      expect((await runMetric(deps, { metric: 'gross_revenue_churn_rate' })).rows[0].value).toBe(25)
      expect((await runMetric(deps, { metric: 'churn_rate' })).rows[0].value).toBe(33.33)
    } finally {
      await db.destroy()
    }
  })

  it('leaves a header English when a word is not in the glossary', () => {
    expect(chineseColumnName('Support calls (12m)')).toBe('客服来电（12m）')
    expect(chineseColumnName('Number of products')).toBe('产品数')
    expect(chineseColumnName('Number of complaints')).toBe('投诉数')
    expect(chineseColumnName('Flux capacitor level')).toBeUndefined()
  })
})

describe('a dated export with a churn flag beside its churn date, a plain "Start" column and free-text feedback', () => {
  const csv = [
    'Customer,Start,Churned,Churn Date,Plan,Monthly price,Feedback',
    'U1,05/01/2025,Yes,20/03/2025,Lite,9.99,Too expensive for what we get',
    'U2,10/01/2025,Yes,15/04/2025,Plus,19.99,The app kept crashing',
    'U3,01/02/2025,No,,Plus,19.99,Love it',
    'U4,03/02/2025,Yes,02/05/2025,Lite,9.99,Support never answered our tickets',
    'U5,20/06/2025,No,,Lite,9.99,',
  ].join('\n')

  it('uses the churn date (dated data), the start date as signup, the price as MRR, and classifies the feedback by keywords', async () => {
    const file = join(tmp, 'subs.csv')
    writeFileSync(file, `${csv}\n`)
    const proposal = await proposeMapping([file], { write: false, today: '2026-12-01' })
    expect(proposal.mapping.churn).toEqual({ dateColumn: 'Churn Date', format: 'DD/MM/YYYY' })
    expect(proposal.mapping.signup).toEqual({ column: 'Start', format: 'DD/MM/YYYY' })
    expect(proposal.mapping.mrr).toEqual({ column: 'Monthly price' })
    expect(proposal.mapping.churnReason).toMatchObject({ column: 'Feedback', codes: {}, unmapped: 'classify', asFeedback: true })
    const prepared = await prepareImport(proposal.file, proposal.mapping, { tables: proposal.tables })
    const db = await openDatabase(join(tmp, 'subs.db'), { readers: 0 })
    try {
      await writePrepared(db, file, prepared, {})
      const deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' as const }, grossMargin: 0.8 }
      const { churnReasons } = await import('../../../src/tools/churn-reasons.js')
      const r = await churnReasons({ ...deps, log: undefined } as never, { period: { from: '2025-01-01', to: '2025-07-01' } } as never)
      expect(Object.fromEntries(r.categories.map((c: { id: string; count: number }) => [c.id, c.count]))).toEqual({ price: 1, product_quality: 1, support: 1 })
    } finally {
      await db.destroy()
    }
  })
})

describe('Chinese headers the dictionary does not know', () => {
  it('get an English name word by word from the glossary, or none when a word is missing', async () => {
    const { englishColumnName } = await import('../../../src/db/import/english-column-name.js')
    expect(englishColumnName('注册渠道')).toBe('Registration channel')
    expect(englishColumnName('城市等级')).toBe('City tier')
    expect(englishColumnName('是否自动续费')).toBe('Auto-renewal')
    expect(englishColumnName('近30天登录次数')).toBe('Logins (last 30 days)')
    expect(englishColumnName('投诉次数')).toBe('Complaints')
    expect(englishColumnName('客户满意度评分')).toBe('Customer satisfaction score')
    expect(englishColumnName('未知字段名')).toBeUndefined()
  })

  it('name the dimensions of a Chinese export in English too, with English labels for common values', async () => {
    const file = join(tmp, 'members.csv')
    const rows = ['M1,一线,线上,0,12,否', 'M2,二线,线下,3,2,是', 'M3,三线,线上,1,30,否', 'M4,一线,线下,0,8,否', 'M5,二线,线上,2,5,是', 'M6,三线,线下,0,40,否', 'M7,一线,线上,1,3,是', 'M8,二线,线下,0,22,否']
    writeFileSync(file, `\uFEFF会员ID,城市等级,注册渠道,投诉次数,会员月数,是否流失\n${rows.join('\n')}\n`)
    const proposal = await proposeMapping([file], { write: false, today: '2026-12-01' })
    const tier = proposal.mapping.dimensions.find((d) => d.sourceColumn === '城市等级')!
    expect(tier.name).toEqual({ en: 'City tier', zh: '城市等级' })
    expect(tier.values?.['一线']?.label).toEqual({ en: 'Tier 1', zh: '一线' })
    expect(proposal.mapping.signup).toEqual({ tenureColumn: '会员月数', unit: 'months' })
    expect(proposal.mapping.measures.find((m) => m.sourceColumn === '投诉次数')?.name.en).toBe('Complaints')
  })
})
