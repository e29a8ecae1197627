import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import writeXlsxFile from 'write-excel-file/node'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDimensions } from '../../src/db/dimension-store.js'
import { importCsv } from '../../src/db/import/import-csv.js'
import { parseMapping } from '../../src/db/import/load-mapping.js'
import type { MappingInput } from '../../src/db/import/mapping-schema.js'
import { proposeMapping } from '../../src/db/import/propose-mapping.js'
import { loadMeasures } from '../../src/db/measure-store.js'
import { readMeta } from '../../src/db/meta.js'
import { type Db, openDatabase } from '../../src/db/open-database.js'

const tmp = mkdtempSync(join(tmpdir(), 'churn-import-formats-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let db: Db
beforeEach(async () => { db = await openDatabase(':memory:') })
afterEach(async () => { await db.destroy() })

const write = (name: string, text: string | Buffer) => {
  const f = join(tmp, name)
  writeFileSync(f, text)
  return f
}
const run = (file: string, m: MappingInput) => importCsv(db, file, parseMapping(m))
const spells = () => db.selectFrom('subscriptions').select(['customer_id', 'start_date', 'end_date', 'is_reactivation']).orderBy('customer_id').orderBy('start_date').execute()
const attrs = async (dim: string) => Object.fromEntries((await db.selectFrom('customer_attributes').select(['customer_id', 'value']).where('dimension', '=', dim).execute()).map((r) => [r.customer_id, r.value]))
const measure = async (id: string) => Object.fromEntries((await db.selectFrom('customer_measures').select(['customer_id', 'value']).where('measure', '=', id).execute()).map((r) => [r.customer_id, r.value]))

const tenureBase = { customerId: 'id', asOf: '2024-07-01', signup: { tenureMonthsColumn: 'tenure' } } as const

describe('churn flags in any encoding', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['1/0', ['1', '0'], ['1']],
    ['Yes/No', ['yes', 'NO'], ['Yes']],
    ['True/False', ['True', 'false'], ['TRUE']],
    ['"True." (trailing full stop)', ['True.', 'False.'], ['True.']],
    ['是/否', ['是', '否'], ['是']],
  ]
  for (const [label, [yes, no], trueValues] of cases) {
    it(`reads ${label}, case-insensitively`, async () => {
      const f = write(`flag-${cases.findIndex((c) => c[0] === label)}.csv`, `id,tenure,churn\nA,5,${yes}\nB,5,${no}\nC,7,${no}\n`)
      const r = await run(f, { ...tenureBase, churn: { flagColumn: 'churn', trueValues } })
      expect({ customers: r.customers, churned: r.churned }).toEqual({ customers: 3, churned: 1 })
      expect((await spells()).filter((s) => s.end_date).map((s) => s.customer_id)).toEqual(['A'])
    })
  }
})

describe('churn by status value', () => {
  it('names churned and active statuses; an unlisted status is an error naming the line', async () => {
    const f = write('status.csv', 'id,tenure,Customer Status\nA,3,Churned\nB,4,Stayed\nC,1,joined\nD,2,churned\n')
    const r = await run(f, { ...tenureBase, churn: { statusColumn: 'Customer Status', churnedValues: ['Churned'], activeValues: ['Stayed', 'Joined'], window: 'quarter' } })
    expect({ customers: r.customers, churned: r.churned }).toEqual({ customers: 4, churned: 2 })
    const bad = write('status-bad.csv', 'id,tenure,Customer Status\nA,3,Churned\nB,4,Paused\n')
    await expect(importCsv(db, bad, parseMapping({ ...tenureBase, churn: { statusColumn: 'Customer Status', churnedValues: ['Churned'], activeValues: ['Stayed'] } }), { replace: true })).rejects.toThrow('line 3, column "Customer Status": expected one of "Churned", "Stayed", got "Paused"')
  })
})

describe('tenure units and the churn window', () => {
  it('reads tenure in years and stores the quarter window as typed meta', async () => {
    const f = write('years.csv', 'id,Tenure (years),Exited\nA,2,1\nB,0,0\nC,10,0\n')
    const r = await run(f, { customerId: 'id', asOf: '2024-07-01', signup: { tenureColumn: 'Tenure (years)', unit: 'years' }, churn: { flagColumn: 'Exited', trueValues: ['1'], falseValues: ['0'], window: 'quarter' } })
    expect(r.window).toEqual({ from: '2024-04-01', to: '2024-07-01' })
    expect(await spells()).toEqual([
      // Signup is the day before asOf − tenure, so the customer is active when a period starts on asOf − tenure.
      { customer_id: 'A', start_date: '2022-06-30', end_date: '2024-06-30', is_reactivation: 0 },
      { customer_id: 'B', start_date: '2024-06-30', end_date: null, is_reactivation: 0 },
      { customer_id: 'C', start_date: '2014-06-30', end_date: null, is_reactivation: 0 },
    ])
    expect(await readMeta(db)).toMatchObject({ asOf: '2024-07-01', dataKind: 'snapshot', churnWindow: { from: '2024-04-01', to: '2024-07-01' } })
  })

  it('reads tenure in days and weeks', async () => {
    const f = write('days.csv', 'id,t,churn\nA,30,0\nB,14,1\n')
    await run(f, { customerId: 'id', asOf: '2024-07-01', signup: { tenureColumn: 't', unit: 'days' }, churn: { flagColumn: 'churn', trueValues: ['1'], window: 90 } })
    expect((await spells()).map((s) => s.start_date)).toEqual(['2024-05-31', '2024-06-16'])
    expect((await readMeta(db)).churnWindow).toEqual({ from: '2024-04-02', to: '2024-07-01' })
    await db.deleteFrom('customers').execute()
    const w = write('weeks.csv', 'id,t,churn\nA,2,0\n')
    await importCsv(db, w, parseMapping({ customerId: 'id', asOf: '2024-07-01', signup: { tenureColumn: 't', unit: 'weeks' }, churn: { flagColumn: 'churn', trueValues: ['1'] } }), { replace: true })
    expect((await spells()).map((s) => s.start_date)).toEqual(['2024-06-16'])
  })

  it('accepts a churner with tenure 0 or blank: joined and left within the window, with a warning', async () => {
    const f = write('tenure0.csv', 'id,tenure,churn\nA,0,Yes\nB,,Yes\nC,0,No\n')
    const r = await run(f, { ...tenureBase, churn: { flagColumn: 'churn', trueValues: ['Yes'], window: 'month' } })
    expect(r.churned).toBe(2)
    expect(r.warnings).toContainEqual({ kind: 'churned_without_tenure', count: 2 })
    expect(await spells()).toEqual([
      { customer_id: 'A', start_date: '2024-06-01', end_date: '2024-06-30', is_reactivation: 0 },
      { customer_id: 'B', start_date: '2024-06-01', end_date: '2024-06-30', is_reactivation: 0 },
      { customer_id: 'C', start_date: '2024-06-30', end_date: null, is_reactivation: 0 },
    ])
    // A blank tenure of a customer who stayed cannot be placed.
    const bad = write('tenure-blank.csv', 'id,tenure,churn\nA,,No\n')
    await expect(importCsv(db, bad, parseMapping({ ...tenureBase, churn: { flagColumn: 'churn', trueValues: ['Yes'] } }), { replace: true })).rejects.toThrow('line 2, column "tenure": the tenure is blank')
  })
})

describe('encodings', () => {
  it('strips a UTF-8 BOM and reports it', async () => {
    const f = write('bom.csv', '\uFEFFid,tenure,churn\r\nA,1,1\r\n')
    const r = await run(f, { ...tenureBase, churn: { flagColumn: 'churn', trueValues: ['1'] } })
    expect(r.customers).toBe(1)
    expect(r.warnings).toContainEqual({ kind: 'bom', file: 'bom.csv' })
  })

  it('reads GBK with Chinese headers and values', async () => {
    const text = 'UID,居住地,开通月数,流失\r\n1,上海,13,Yes\r\n2,广州,11,No\r\n'
    const gbk = Buffer.from(new Uint8Array([...encodeGbk(text)]))
    const f = write('gbk-headers.csv', gbk)
    const r = await run(f, { customerId: 'UID', asOf: '2024-07-01', signup: { tenureMonthsColumn: '开通月数' }, churn: { flagColumn: '流失', trueValues: ['Yes'] },
      dimensions: [{ id: 'city', sourceColumn: '居住地', name: { en: 'City', zh: '城市' } }] })
    expect(r.churned).toBe(1)
    expect(await attrs('city')).toEqual({ 1: '上海', 2: '广州' })
  })
})

describe('blank cells, numeric attributes and value labels', () => {
  it('keeps blank cells unknown (no row, never 0) and stores numbers with their unit and names', async () => {
    const f = write('measures.csv', 'id,tenure,churn,Age,Balance,Country,HasCrCard\nA,5,1,42,"$1,200.50",Germany,1\nB,6,0,,0,,0\nC,7,0,35.5,-3,France,\n')
    const r = await run(f, {
      ...tenureBase, churn: { flagColumn: 'churn', trueValues: ['1'] },
      measures: [
        { id: 'age', sourceColumn: 'Age', name: { en: 'Age', zh: '年龄' }, unit: 'years', synonyms: { en: ['years old'], zh: ['岁数'] } },
        { id: 'balance', sourceColumn: 'Balance', name: { en: 'Balance', zh: '余额' }, unit: 'currency' },
      ],
      dimensions: [
        { id: 'country', sourceColumn: 'Country', name: { en: 'Country', zh: '国家' }, values: { Germany: { label: { en: 'Germany', zh: '德国' }, zh: ['德国'] }, France: { label: { en: 'France', zh: '法国' }, zh: ['法国'] } } },
        { id: 'has_credit_card', sourceColumn: 'HasCrCard', name: { en: 'Has a credit card', zh: '有信用卡' }, yesNo: true },
      ],
    })
    expect(r.rows).toMatchObject({ customer_measures: 5, measures: 2, customer_attributes: 4 })
    expect(await measure('age')).toEqual({ A: 42, C: 35.5 }) // B's blank age: no row
    expect(await measure('balance')).toEqual({ A: 1200.5, B: 0, C: -3 })
    expect(await attrs('country')).toEqual({ A: 'Germany', C: 'France' }) // B blank: unknown
    expect(await attrs('has_credit_card')).toEqual({ A: 'Yes', B: 'No' }) // 1/0 → Yes/No; C blank: unknown
    expect(r.warnings).toContainEqual({ kind: 'blank_cells', column: 'Age', count: 1, stored: 'unknown' })
    expect(await loadMeasures(db)).toEqual([
      { id: 'age', name: { en: 'Age', zh: '年龄' }, unit: 'years', synonyms: { en: ['years old'], zh: ['岁数'] }, description: '' },
      { id: 'balance', name: { en: 'Balance', zh: '余额' }, unit: 'currency', synonyms: { en: [], zh: [] }, description: '' },
    ])
    const dims = await loadDimensions(db)
    expect(dims.find((d) => d.id === 'country')?.values.Germany).toEqual({ label: { en: 'Germany', zh: '德国' }, zh: ['德国'] })
    expect(dims.find((d) => d.id === 'has_credit_card')?.yesNo).toBe(true)
    expect(dims.find((d) => d.id === 'country')?.yesNo).toBeUndefined()
  })

  it('rejects a measure cell that is not a number, naming line and column', async () => {
    const f = write('measure-bad.csv', 'id,tenure,churn,Age\nA,5,1,forty\n')
    await expect(run(f, { ...tenureBase, churn: { flagColumn: 'churn', trueValues: ['1'] }, measures: [{ id: 'age', sourceColumn: 'Age', name: { en: 'Age', zh: '年龄' } }] }))
      .rejects.toThrow('line 2, column "Age": expected a number, got "forty"')
  })
})

describe('revenue from several columns or from lifetime revenue', () => {
  it('sums columns, and spreads a total over the billed months', async () => {
    const f = write('mrr.csv', 'id,tenure,churn,Base,Addons,Total\nA,2,0,10,5,30\nB,4,1,20,,100\n')
    await run(f, { ...tenureBase, churn: { flagColumn: 'churn', trueValues: ['1'] }, mrr: { columns: ['Base', 'Addons'] } })
    const byCustomer = async () => Object.fromEntries((await db.selectFrom('mrr_history').select(['customer_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('mrr').as('total')]).groupBy('customer_id').execute()).map((r) => [r.customer_id, [Number(r.n), Number(r.total)]]))
    expect(await byCustomer()).toEqual({ A: [2, 30], B: [4, 80] })
    await importCsv(db, f, parseMapping({ ...tenureBase, churn: { flagColumn: 'churn', trueValues: ['1'] }, mrr: { totalColumn: 'Total', overTenure: true } }), { replace: true })
    expect(await byCustomer()).toEqual({ A: [2, 30], B: [4, 100] })
  })
})

describe('.xlsx', () => {
  it('imports the first sheet of a workbook built with write-excel-file', async () => {
    const f = join(tmp, 'customers.xlsx')
    await writeXlsxFile([
      [{ value: 'Account' }, { value: 'Signed up' }, { value: 'Churned on' }, { value: 'Plan' }, { value: 'Seats' }],
      [{ value: 'A1' }, { value: new Date('2024-01-15T00:00:00Z'), format: 'yyyy-mm-dd' }, null, { value: 'Pro' }, { value: 12 }],
      [{ value: 'A2' }, { value: new Date('2024-03-01T00:00:00Z'), format: 'yyyy-mm-dd' }, { value: new Date('2024-05-10T00:00:00Z'), format: 'yyyy-mm-dd' }, { value: 'Basic' }, { value: 3 }],
    ]).toFile(f)
    const r = await run(f, {
      customerId: 'Account', asOf: '2024-07-01', signup: { column: 'Signed up', format: 'YYYY-MM-DD' }, churn: { dateColumn: 'Churned on', format: 'YYYY-MM-DD' },
      dimensions: [{ id: 'plan', sourceColumn: 'Plan', name: { en: 'Plan', zh: '套餐' } }], measures: [{ id: 'seats', sourceColumn: 'Seats', name: { en: 'Seats', zh: '席位数' }, unit: 'count' }],
    })
    expect({ customers: r.customers, churned: r.churned }).toEqual({ customers: 2, churned: 1 })
    expect(await spells()).toEqual([
      { customer_id: 'A1', start_date: '2024-01-15', end_date: null, is_reactivation: 0 },
      { customer_id: 'A2', start_date: '2024-03-01', end_date: '2024-05-10', is_reactivation: 0 },
    ])
    expect(await measure('seats')).toEqual({ A1: 12, A2: 3 })
  })
})

describe('several files', () => {
  it('joins one-row-per-customer files on a key, and a lookup file on a column joined in', async () => {
    write('demo.csv', 'Customer ID,Count,Age\nA,1,30\nB,1,70\nC,1,45\n')
    write('status.csv', 'Customer ID,Count,Tenure in Months,Churn Label,Zip\nB,1,5,Yes,100\nA,1,3,No,200\nC,1,8,No,300\n')
    write('zips.csv', 'Zip,Population\n100,5000\n200,8000\n')
    const r = await run(join(tmp, 'demo.csv'), {
      customerId: 'Customer ID', asOf: '2024-07-01',
      join: [{ file: 'status.csv', on: 'Customer ID' }, { file: 'zips.csv', on: { column: 'Zip', fileColumn: 'Zip' } }],
      signup: { tenureColumn: 'Tenure in Months', unit: 'months' }, churn: { flagColumn: 'Churn Label', trueValues: ['Yes'] },
      measures: [{ id: 'age', sourceColumn: 'Age', name: { en: 'Age', zh: '年龄' } }, { id: 'population', sourceColumn: 'Population', name: { en: 'Population', zh: '人口' } }],
    })
    expect({ customers: r.customers, churned: r.churned }).toEqual({ customers: 3, churned: 1 })
    expect(await measure('population')).toEqual({ A: 8000, B: 5000 })
    expect(r.warnings).toContainEqual({ kind: 'join_unmatched', file: 'zips.csv', count: 1 })
  })

  it('reads churn events as spells (a later event, or a final one marked as a reactivation, is a comeback: a spell stored from the churn date, active from the next day), MRR from subscriptions, and reports disagreeing sources', async () => {
    write('accounts.csv', 'account_id,signup_date,churn_flag,plan\nA,2024-01-10,True,Pro\nB,2024-02-01,False,Basic\nC,2024-03-05,True,Pro\n')
    write('events.csv', 'churn_event_id,account_id,churn_date,reason_code,feedback_text,is_reactivation\nE1,A,2024-03-15,pricing,too expensive,False\nE2,A,2024-05-20,support,,False\nE3,B,2024-04-30,features,missing features,True\n')
    write('subs.csv', 'subscription_id,account_id,start_date,end_date,mrr_amount\nS1,A,2024-01-10,2024-03-15,100\nS2,B,2024-02-01,,50\nS3,B,2024-04-01,,20\n')
    const r = await run(join(tmp, 'accounts.csv'), {
      customerId: 'account_id', asOf: '2024-07-01', signup: { column: 'signup_date', format: 'YYYY-MM-DD' },
      churn: { events: { file: 'events.csv', on: 'account_id', dateColumn: 'churn_date', format: 'YYYY-MM-DD', reactivationColumn: 'is_reactivation', compareFlag: { column: 'churn_flag', trueValues: ['True'] } } },
      churnReason: { column: 'reason_code', codes: { pricing: 'price', support: 'support', features: 'missing_features' }, feedbackColumn: 'feedback_text' },
      mrr: { file: 'subs.csv', on: 'account_id', amountColumn: 'mrr_amount', startColumn: 'start_date', endColumn: 'end_date', format: 'YYYY-MM-DD' },
    })
    expect({ customers: r.customers, churned: r.churned, dataKind: r.dataKind }).toEqual({ customers: 3, churned: 2, dataKind: 'dated' })
    expect(await spells()).toEqual([
      { customer_id: 'A', start_date: '2024-01-10', end_date: '2024-03-15', is_reactivation: 0 },
      { customer_id: 'A', start_date: '2024-03-15', end_date: '2024-05-20', is_reactivation: 1 },
      { customer_id: 'B', start_date: '2024-02-01', end_date: '2024-04-30', is_reactivation: 0 },
      { customer_id: 'B', start_date: '2024-04-30', end_date: null, is_reactivation: 1 },
      { customer_id: 'C', start_date: '2024-03-05', end_date: null, is_reactivation: 0 },
    ])
    const reasons = await db.selectFrom('subscriptions').select(['customer_id', 'reason_code']).where('end_date', 'is not', null).orderBy('end_date').execute()
    expect(reasons.map((x) => `${x.customer_id}:${x.reason_code}`)).toEqual(['A:price', 'B:missing_features', 'A:support'])
    const feedback = await db.selectFrom('feedback').select(['customer_id', 'date', 'text']).orderBy('date').execute()
    expect(feedback).toEqual([{ customer_id: 'A', date: '2024-03-15', text: 'too expensive' }, { customer_id: 'B', date: '2024-04-30', text: 'missing features' }])
    // B's two subscriptions add up from April; A's runs January–March.
    const mrr = await db.selectFrom('mrr_history').select(['customer_id', 'month', 'mrr']).where('customer_id', '=', 'B').orderBy('month').execute()
    expect(mrr.map((m) => m.mrr)).toEqual([50, 50, 70, 70, 70])
    // A and C are flagged, but C has no event; B has an event but no flag. S1's end date matches A's first event.
    expect(r.warnings).toContainEqual({ kind: 'churn_sources_disagree', flagColumn: 'churn_flag', flagged: 2, flaggedWithEvents: 1, eventsNotFlagged: 1, accountsWithEvents: 2 })
    expect(r.warnings).toContainEqual({ kind: 'subscriptions_disagree', ended: 1, endDatesMatchingEvents: 1, events: 3 })
  })
})

describe('dry-run warnings', () => {
  it('counts rows that churned before they signed up, dates on asOf itself and spelling variants', async () => {
    const f = write('dated-warn.csv', 'id,start,end,Contract\nA,2024-03-01,2024-02-15,Month-to-month\nB,2024-01-01,2024-07-01,month to month\nC,2024-01-01,,One year\n')
    const r = await run(f, { customerId: 'id', asOf: '2024-07-01', signup: { column: 'start', format: 'YYYY-MM-DD' }, churn: { dateColumn: 'end', format: 'YYYY-MM-DD' },
      dimensions: [{ id: 'contract', sourceColumn: 'Contract', name: { en: 'Contract', zh: '合同' } }] })
    expect(r.warnings).toContainEqual({ kind: 'churned_before_signup', count: 1 })
    expect(r.warnings).toContainEqual({ kind: 'dated_on_as_of', count: 1, asOf: '2024-07-01' })
    expect(r.warnings).toContainEqual({ kind: 'spelling_variants', column: 'Contract', groups: [['Month-to-month', 'month to month']] })
    // The dated window runs past asOf when a date falls on it, so that churn is inside it.
    expect(r.window).toEqual({ from: '2024-01-01', to: '2024-07-02' })
  })
})

describe('inferred mappings', () => {
  it('proposes id, churn flag, tenure in years (stated), yes/no dimensions, labels and measures, and imports them', async () => {
    write('bank.csv', [
      'RowNumber,CustomerId,Surname,CreditScore,Geography,Gender,Age,Tenure,Balance,NumOfProducts,HasCrCard,IsActiveMember,EstimatedSalary,Exited',
      '1,15634602,Hargrave,619,France,Female,42,2,0.00,1,1,1,101348.88,1',
      '2,15647311,Hill,608,Spain,Female,41,1,83807.86,1,0,1,112542.58,0',
      '3,15619304,Onio,502,France,Female,42,8,159660.80,3,1,0,113931.57,1',
      '4,15701354,Boni,699,Germany,Female,39,1,0.00,2,0,0,93826.63,0',
      '5,15737888,Mitchell,850,Spain,Male,43,10,125510.82,1,1,1,79084.10,0',
      '6,15574012,Chu,645,Germany,Male,44,0,113755.78,2,1,0,149756.71,1',
    ].join('\n'))
    const p = await proposeMapping([join(tmp, 'bank.csv')], { today: '2024-07-15', out: join(tmp, 'bank.mapping.json') })
    expect(p.input).toMatchObject({ customerId: 'CustomerId', name: 'Surname', asOf: '2024-07-01', signup: { tenureColumn: 'Tenure', unit: 'years' }, churn: { flagColumn: 'Exited', trueValues: ['1'], falseValues: ['0'], window: 'month' } })
    expect(p.notes).toContainEqual({ kind: 'tenure_unit', column: 'Tenure', min: 0, max: 10, unit: 'years', basis: 'values' })
    const dims = Object.fromEntries((p.input.dimensions ?? []).map((d) => [d.id, d]))
    expect(Object.keys(dims).sort()).toEqual(['active_member', 'country', 'gender', 'has_credit_card'])
    expect(dims.has_credit_card.yesNo).toBe(true)
    expect(dims.country.values?.Germany).toEqual({ label: { en: 'Germany', zh: '德国' }, zh: ['德国'] })
    expect(dims.country.name).toEqual({ en: 'Country', zh: '国家' })
    expect((p.input.measures ?? []).map((x) => [x.id, x.unit])).toEqual([['credit_score', 'score'], ['age', 'years'], ['balance', 'currency'], ['products', 'count'], ['salary', 'currency']])
    expect(p.input.ignored).toMatchObject({ RowNumber: 'a row counter' })
    const r = await importCsv(db, join(tmp, 'bank.csv'), p.mapping)
    expect({ customers: r.customers, churned: r.churned }).toEqual({ customers: 6, churned: 3 })
    expect(await attrs('has_credit_card')).toMatchObject({ 15634602: 'Yes', 15647311: 'No' })
  })

  it('unifies values that differ only in case, spaces or hyphens under the most frequent spelling', async () => {
    write('spelling.csv', 'id,churned,tenure,Contract\n1,0,3,Month-to-month\n2,1,5,month to month\n3,0,7,Month-to-month\n4,0,9,Two year\n')
    const p = await proposeMapping([join(tmp, 'spelling.csv')], { today: '2024-07-15', write: false })
    const contract = (p.input.dimensions ?? []).find((d) => d.id === 'contract')
    expect(contract?.valueMap).toEqual({ 'month to month': 'Month-to-month' })
    const r = await importCsv(db, join(tmp, 'spelling.csv'), p.mapping)
    expect(r.warnings).toContainEqual({ kind: 'spelling_variants', column: 'Contract', groups: [['Month-to-month', 'month to month']] })
    expect(await attrs('contract')).toEqual({ 1: 'Month-to-month', 2: 'Month-to-month', 3: 'Month-to-month', 4: 'Two year' })
  })

  it('lists the columns it cannot name in Chinese and takes Chinese headers as Chinese names', async () => {
    write('mixed.csv', 'id,流失,开通月数,Widget Flavour,居住地\n1,是,3,Sweet,北京\n2,否,5,Sour,上海\n3,否,7,Sweet,北京\n')
    const p = await proposeMapping([join(tmp, 'mixed.csv')], { today: '2024-07-15', write: false })
    expect(p.notes).toContainEqual({ kind: 'unnamed_in_chinese', columns: ['Widget Flavour'] })
    expect(p.input.churn).toMatchObject({ flagColumn: '流失', trueValues: ['是'] })
    const city = (p.input.dimensions ?? []).find((d) => d.sourceColumn === '居住地')
    expect(city?.name).toEqual({ en: 'City', zh: '城市' })
    expect(city?.values?.['北京']).toEqual({ label: { en: 'Beijing', zh: '北京' }, en: ['Beijing'] })
  })
})

// A small GBK encoder for the few characters the fixture uses (Node has a GBK decoder but no encoder).
function encodeGbk(text: string): number[] {
  const table: Record<string, number[]> = { 居: [0xbe, 0xd3], 住: [0xd7, 0xa1], 地: [0xb5, 0xd8], 开: [0xbf, 0xaa], 通: [0xcd, 0xa8], 月: [0xd4, 0xc2], 数: [0xca, 0xfd], 流: [0xc1, 0xf7], 失: [0xca, 0xa7], 上: [0xc9, 0xcf], 海: [0xba, 0xa3], 广: [0xb9, 0xe3], 州: [0xd6, 0xdd] }
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else if (table[ch]) out.push(...table[ch])
    else throw new Error(`no GBK bytes for ${ch} in the test table`)
  }
  return out
}
