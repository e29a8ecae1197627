import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importCsv } from '../../src/db/import/import-csv.js'
import { proposeMapping } from '../../src/db/import/propose-mapping.js'
import { readMeta } from '../../src/db/meta.js'
import { type Db, openDatabase } from '../../src/db/open-database.js'

// The public churn files live in the shared data folder next to the repo on CI and dev machines only.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const external = resolve(repoRoot, '../shared/data/external')
const present = existsSync(external)
if (!present) console.log(`Skipping the external data set imports: ${external} is not here (it is only on CI and dev machines, not in user clones).`)

const tmp = mkdtempSync(join(tmpdir(), 'churn-import-external-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
let db: Db
beforeEach(async () => { db = await openDatabase(':memory:') })
afterEach(async () => { await db.destroy() })

/** Rows of a CSV as objects, read with csv-parse (not the importer's own reader): the independent oracle. */
function rowsOf(path: string, encoding = 'utf-8'): Array<Record<string, string>> {
  const text = new TextDecoder(encoding).decode(readFileSync(join(external, path)))
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>
}

/** Proposes a mapping for the files and imports it unedited; logs the time from raw file to imported database. */
async function importInferred(label: string, paths: string[]) {
  const started = performance.now()
  const p = await proposeMapping(paths.map((f) => join(external, f)), { today: '2019-10-15', out: join(tmp, `${label}.mapping.json`) })
  const r = await importCsv(db, p.file, p.mapping)
  const ms = Math.round(performance.now() - started)
  console.log(`${label}: raw file → imported database in ${ms} ms with the inferred mapping (${r.customers} customers, ${Math.round(r.customers / (ms / 1000))} rows/s)`)
  return { p, r }
}

const churnRateBy = async (dim: string, from: string, to: string) => {
  const rows = await sql<{ v: string; active: number; churned: number }>`
    select a.value as v, count(*) as active, sum(case when s.end_date >= ${from} and s.end_date < ${to} then 1 else 0 end) as churned
    from subscriptions s join customer_attributes a on a.customer_id = s.customer_id and a.dimension = ${dim}
    where s.start_date < ${from} and (s.end_date is null or s.end_date >= ${from}) group by a.value`.execute(db)
  return Object.fromEntries(rows.rows.map((x) => [x.v, Math.round((1000 * x.churned) / x.active) / 10]))
}

describe.skipIf(!present)('inferred mappings of the public churn data sets import with no edits', () => {
  it('IBM Telco, Cognos edition: same churn rates by contract as the hand-written mapping', async () => {
    const { p, r } = await importInferred('telco-cognos', ['ibm-telco-churn-cognos/Telco_customer_churn.csv'])
    const rows = rowsOf('ibm-telco-churn-cognos/Telco_customer_churn.csv')
    expect(r.customers).toBe(rows.length)
    expect(r.churned).toBe(rows.filter((x) => x['Churn Value'] === '1').length)
    expect(p.mapping.asOf).toBe('2019-10-01')
    expect(await churnRateBy('contract', '2019-09-01', '2019-10-01')).toEqual({ 'Month-to-month': 42.7, 'One year': 11.3, 'Two year': 2.8 })
    // Churn Value repeats the label; Churn Score and CLTV are the data's own model outputs, kept as attributes named so.
    expect(Object.keys(p.input.ignored ?? {})).toEqual(expect.arrayContaining(['Churn Value', 'Count']))
    const measures = Object.fromEntries((p.input.measures ?? []).map((m: { sourceColumn: string; id: string }) => [m.sourceColumn, m.id]))
    expect(measures).toMatchObject({ 'Churn Score': 'churn_score', CLTV: 'cltv' })
    expect(r.rows.feedback).toBe(rows.filter((x) => x['Churn Reason'] !== '').length)
    // State is California on every row: kept as a one-value dimension, so "churn in California" is the whole base.
    const states = await db.selectFrom('customer_attributes').select(['value', (eb) => eb.fn.countAll<number>().as('n')]).where('dimension', '=', 'state').groupBy('value').execute()
    expect(states.map((x) => [x.value, Number(x.n)])).toEqual([['California', rows.filter((x) => x.State === 'California').length]])
  }, 60_000)

  it('IBM Telco, Kaggle 21-column edition: tenure guessed in months, SeniorCitizen 0/1 read as a yes/no dimension', async () => {
    const { p, r } = await importInferred('telco-kaggle21', ['ibm-telco-churn-kaggle21/Telco-Customer-Churn.csv'])
    const rows = rowsOf('ibm-telco-churn-kaggle21/Telco-Customer-Churn.csv')
    expect(r.customers).toBe(rows.length)
    expect(r.churned).toBe(rows.filter((x) => x.Churn === 'Yes').length)
    expect(p.input.signup).toEqual({ tenureColumn: 'tenure', unit: 'months' })
    const seniors = rows.filter((x) => x.SeniorCitizen === '1').length
    const stored = await db.selectFrom('customer_attributes').select((eb) => eb.fn.countAll<number>().as('n')).where('dimension', '=', 'senior_citizen').where('value', '=', 'Yes').executeTakeFirstOrThrow()
    expect(Number(stored.n)).toBe(seniors)
    // TotalCharges is a single space for the 11 tenure-0 customers: unknown, not 0.
    const totals = await db.selectFrom('customer_measures').select((eb) => eb.fn.countAll<number>().as('n')).where('measure', '=', 'total_charges').executeTakeFirstOrThrow()
    expect(Number(totals.n)).toBe(rows.filter((x) => x.TotalCharges.trim() !== '').length)
  }, 60_000)

  it('IBM Telco 11.1.3: five tables joined on Customer ID (population on Zip Code), a quarter window from the Quarter column', async () => {
    const dir = 'ibm-telco-churn-11.1.3'
    const files = ['demographics', 'location', 'population', 'services', 'status'].map((t) => `${dir}/Telco_customer_churn_${t}.csv`)
    const { p, r } = await importInferred('telco-11.1.3', files)
    const status = rowsOf(`${dir}/Telco_customer_churn_status.csv`)
    expect(r.customers).toBe(status.length)
    expect(r.churned).toBe(status.filter((x) => x['Customer Status'] === 'Churned').length)
    expect(r.window).toEqual({ from: '2019-07-01', to: '2019-10-01' })
    expect((await readMeta(db)).dataKind).toBe('snapshot')
    expect(p.input.join?.map((j) => j.file).sort()).toEqual(files.filter((f) => !f.includes('demographics')).map((f) => f.split('/')[1]).sort())
    // Population comes from the zip-code table through the location table's Zip Code.
    const zipPop = new Map(rowsOf(`${dir}/Telco_customer_churn_population.csv`).map((x) => [x['Zip Code'], Number(x.Population)]))
    const loc = rowsOf(`${dir}/Telco_customer_churn_location.csv`)
    const withPop = loc.filter((x) => zipPop.has(x['Zip Code'])).length
    const stored = await db.selectFrom('customer_measures').select((eb) => eb.fn.countAll<number>().as('n')).where('measure', '=', 'population').executeTakeFirstOrThrow()
    expect(Number(stored.n)).toBe(withPop)
    const ages = await db.selectFrom('customer_measures').select((eb) => eb.fn.avg<number>('value').as('avg')).where('measure', '=', 'age').executeTakeFirstOrThrow()
    const demo = rowsOf(`${dir}/Telco_customer_churn_demographics.csv`)
    expect(Number(ages.avg)).toBeCloseTo(demo.reduce((s, x) => s + Number(x.Age), 0) / demo.length, 6)
    // Customer Status (Stayed / Churned / Joined) and the data's own Churn Category are kept, as outcome dimensions.
    const tally = (col: string) => {
      const out: Record<string, number> = {}
      for (const x of status) if (x[col]) out[x[col]] = (out[x[col]] ?? 0) + 1
      return out
    }
    const storedValues = async (dim: string) => Object.fromEntries((await db.selectFrom('customer_attributes').select(['value', (eb) => eb.fn.countAll<number>().as('n')])
      .where('dimension', '=', dim).groupBy('value').execute()).map((x) => [x.value, Number(x.n)]))
    expect(await storedValues('customer_status')).toEqual(tally('Customer Status'))
    expect(await storedValues('churn_category')).toEqual(tally('Churn Category'))
    const outcomes = await db.selectFrom('dimensions').select(['id', 'outcome']).where('outcome', 'is not', null).orderBy('id').execute()
    expect(outcomes).toEqual([{ id: 'churn_category', outcome: 'reason_category' }, { id: 'customer_status', outcome: 'status' }])
  }, 60_000)

  it('BankChurners: attrition as a status column, the classifier columns left out, numeric attributes stored', async () => {
    const { p, r } = await importInferred('bankchurners', ['bankchurners-credit-card/BankChurners.csv'])
    const rows = rowsOf('bankchurners-credit-card/BankChurners.csv')
    expect(r.customers).toBe(rows.length)
    expect(r.churned).toBe(rows.filter((x) => x.Attrition_Flag === 'Attrited Customer').length)
    expect(p.input.churn).toMatchObject({ statusColumn: 'Attrition_Flag', churnedValues: ['Attrited Customer'] })
    expect(Object.values(p.input.ignored ?? {}).filter((why) => why.includes('gives away')).length).toBe(2)
    const churnedAge = await sql<{ avg: number }>`select avg(m.value) as avg from customer_measures m join subscriptions s on s.customer_id = m.customer_id where m.measure = 'age' and s.end_date is not null`.execute(db)
    const attrited = rows.filter((x) => x.Attrition_Flag === 'Attrited Customer')
    expect(churnedAge.rows[0].avg).toBeCloseTo(attrited.reduce((s, x) => s + Number(x.Customer_Age), 0) / attrited.length, 6)
  }, 60_000)

  it('telco-spss-cn (GBK, Chinese headers): decoded, named in both languages, CNY', async () => {
    const { p, r } = await importInferred('telco-spss-cn', ['telco-spss-cn/Telephone.csv'])
    const rows = rowsOf('telco-spss-cn/Telephone.csv', 'gbk')
    expect(r.customers).toBe(rows.length)
    expect(r.churned).toBe(rows.filter((x) => x['流失'] === 'Yes').length)
    expect(r.warnings).toContainEqual({ kind: 'encoding', file: 'Telephone.csv', encoding: 'gb18030' })
    expect(p.input.currency).toBe('CNY')
    const city = p.input.dimensions?.find((d) => d.sourceColumn === '居住地')
    expect(city?.name).toEqual({ en: 'City', zh: '城市' })
    const stored = await db.selectFrom('customer_attributes').select('value').where('dimension', '=', city?.id ?? '').groupBy('value').orderBy('value').execute()
    expect(stored.map((x) => x.value)).toEqual(['上海', '北京', '广州'])
  }, 60_000)

  it('RavenStack: accounts with churn events as spells and subscriptions as MRR; the disagreeing churn signals are reported', async () => {
    const { p, r } = await importInferred('ravenstack', ['ravenstack-saas-churn'])
    const accounts = rowsOf('ravenstack-saas-churn/ravenstack_accounts.csv')
    const events = rowsOf('ravenstack-saas-churn/ravenstack_churn_events.csv')
    const withEvents = new Set(events.map((e) => e.account_id))
    expect(r.customers).toBe(accounts.length)
    expect(r.churned).toBe(withEvents.size)
    expect(r.dataKind).toBe('dated')
    expect(p.mapping.asOf).toBe('2025-01-01')
    // Spells: one per distinct churn day, plus an open one for accounts without events and for those
    // whose final event (by date, then event id) is marked as a reactivation.
    const distinctChurns = new Set(events.map((e) => `${e.account_id} ${e.churn_date}`)).size
    const finalEvent = new Map<string, Record<string, string>>()
    for (const e of [...events].sort((a, b) => (a.churn_date + a.churn_event_id < b.churn_date + b.churn_event_id ? -1 : 1))) finalEvent.set(e.account_id, e)
    const cameBack = [...finalEvent.values()].filter((e) => e.is_reactivation === 'True').length
    expect(r.rows.subscriptions).toBe(accounts.length - withEvents.size + distinctChurns + cameBack)
    const open = await db.selectFrom('subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).where('end_date', 'is', null).executeTakeFirstOrThrow()
    expect(Number(open.n)).toBe(accounts.length - withEvents.size + cameBack)
    const flagged = accounts.filter((a) => a.churn_flag === 'True')
    expect(r.warnings).toContainEqual({ kind: 'churn_sources_disagree', flagColumn: 'churn_flag', flagged: flagged.length, flaggedWithEvents: flagged.filter((a) => withEvents.has(a.account_id)).length, eventsNotFlagged: [...withEvents].filter((id) => !flagged.some((a) => a.account_id === id)).length, accountsWithEvents: withEvents.size })
    expect(r.warnings.some((w) => w.kind === 'subscriptions_disagree')).toBe(true)
    expect(r.rows.feedback).toBe(new Set(events.filter((e) => e.feedback_text !== '').map((e) => `${e.account_id} ${e.churn_date}`)).size)
  }, 60_000)
})
