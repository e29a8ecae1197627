import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { runMetric } from '../../src/query/run-metric.js'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDimensions } from '../../src/db/dimension-store.js'
import { importCsv, loadMapping } from '../../src/db/import/import-csv.js'
import { parseMapping } from '../../src/db/import/load-mapping.js'
import { readMeta } from '../../src/db/meta.js'
import { type Db, openDatabase } from '../../src/db/open-database.js'
import { isAppError } from '../../src/errors.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const fixture = (name: string) => join(repoRoot, 'test/fixtures/import', name)
const tmp = mkdtempSync(join(tmpdir(), 'churn-import-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let db: Db
beforeEach(async () => { db = await openDatabase(':memory:') })
afterEach(async () => { await db.destroy() })

const count = async (table: 'customers' | 'subscriptions' | 'customer_attributes' | 'mrr_history' | 'feedback' | 'dimensions' | 'meta') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

/** Runs an import expected to fail; returns the AppError message. */
async function importError(csv: string, mappingFile: string, opts: { replace?: boolean } = {}): Promise<string> {
  const mapping = await loadMapping(fixture(mappingFile))
  try {
    await importCsv(db, csv, mapping, opts)
  } catch (e) {
    expect(isAppError(e)).toBe(true)
    return (e as Error).message
  }
  throw new Error('expected the import to fail')
}

describe('importCsv with dated rows', () => {
  it('writes customers, spells, attributes, MRR months, feedback, dimensions and meta', async () => {
    const r = await importCsv(db, fixture('dated.csv'), await loadMapping(fixture('dated.json')))
    expect(r.customers).toBe(5)
    expect(r.churned).toBe(3)
    expect(r.rows).toEqual({ customers: 5, subscriptions: 5, customer_attributes: 9, customer_measures: 0, mrr_history: 11, feedback: 3, tickets: 0, churn_events: 0, detail_rows: 0, detail_values: 0, dimensions: 4, measures: 0 })

    const customers = await db.selectFrom('customers').select(['id', 'name', 'signup_date', 'plan', 'company_size', 'region']).orderBy('id').execute()
    expect(customers).toEqual([
      { id: 'A1', name: 'Acme, Inc.', signup_date: '2024-01-15', plan: 'Pro', company_size: 'Large', region: null },
      { id: 'A2', name: 'Beta Ltd', signup_date: '2024-03-01', plan: 'Basic', company_size: 'Small', region: null },
      { id: 'A3', name: 'Gamma', signup_date: '2024-05-31', plan: 'Basic', company_size: 'Small', region: null },
      { id: 'A4', name: 'Delta', signup_date: '2024-02-01', plan: 'Pro', company_size: 'Small', region: null },
      { id: 'A5', name: 'A5', signup_date: '2024-06-10', plan: null, company_size: 'Medium', region: null },
    ])

    const spells = await db.selectFrom('subscriptions').select(['customer_id', 'start_date', 'end_date', 'is_reactivation', 'churn_type', 'reason_code', 'reason_text']).orderBy('customer_id').execute()
    expect(spells).toEqual([
      { customer_id: 'A1', start_date: '2024-01-15', end_date: null, is_reactivation: 0, churn_type: null, reason_code: null, reason_text: null },
      { customer_id: 'A2', start_date: '2024-03-01', end_date: '2024-05-10', is_reactivation: 0, churn_type: 'voluntary', reason_code: 'price', reason_text: 'Too expensive' },
      // Codes match case-insensitively; the text is kept as the source wrote it.
      { customer_id: 'A3', start_date: '2024-05-31', end_date: '2024-06-30', is_reactivation: 0, churn_type: 'voluntary', reason_code: 'competitor', reason_text: 'went with a rival' },
      { customer_id: 'A4', start_date: '2024-02-01', end_date: null, is_reactivation: 0, churn_type: null, reason_code: null, reason_text: null },
      { customer_id: 'A5', start_date: '2024-06-10', end_date: '2024-06-20', is_reactivation: 0, churn_type: 'voluntary', reason_code: 'other', reason_text: 'Closed the business' },
    ])

    const attrs = await db.selectFrom('customer_attributes').select(['customer_id', 'dimension', 'value']).orderBy('customer_id').orderBy('dimension').execute()
    expect(attrs.map((a) => `${a.customer_id} ${a.dimension}=${a.value}`)).toEqual([
      'A1 contract=One year', 'A1 senior_citizen=No',
      'A2 contract=Month-to-month', 'A2 senior_citizen=Yes',
      'A3 contract=Month-to-month', 'A3 senior_citizen=No',
      'A4 senior_citizen=Yes', // blank contract: no row
      'A5 contract=Month-to-month', 'A5 senior_citizen=No',
    ])

    // Billed months: from the signup month up to the last month starting before the churn date (or asOf).
    const mrr = await db.selectFrom('mrr_history').select(['customer_id', 'month', 'mrr']).orderBy('customer_id').orderBy('month').execute()
    expect(mrr.map((m) => `${m.customer_id} ${m.month} ${m.mrr}`)).toEqual([
      'A1 2024-01-01 1200', 'A1 2024-02-01 1200', 'A1 2024-03-01 1200', 'A1 2024-04-01 1200', 'A1 2024-05-01 1200', 'A1 2024-06-01 1200',
      'A2 2024-03-01 99', 'A2 2024-04-01 99', 'A2 2024-05-01 99',
      'A3 2024-05-01 50.5', 'A3 2024-06-01 50.5',
      // A4's fee is blank (unknown) and A5's is 0: neither writes rows.
    ])

    const feedback = await db.selectFrom('feedback').select(['customer_id', 'date', 'source', 'rating', 'text', 'language']).orderBy('customer_id').execute()
    expect(feedback).toEqual([
      { customer_id: 'A2', date: '2024-05-10', source: 'exit_interview', rating: null, text: 'Too expensive', language: 'en' },
      { customer_id: 'A3', date: '2024-06-30', source: 'exit_interview', rating: null, text: 'went with a rival', language: 'en' },
      { customer_id: 'A5', date: '2024-06-20', source: 'exit_interview', rating: null, text: 'Closed the business', language: 'en' },
    ])

    const dims = await loadDimensions(db)
    expect(dims.map((d) => [d.id, d.source])).toEqual([
      ['plan', { kind: 'column', column: 'plan' }],
      ['size', { kind: 'column', column: 'company_size' }],
      ['contract', { kind: 'attribute' }],
      ['senior_citizen', { kind: 'attribute' }],
    ])
    expect(dims[2].values).toEqual({ 'One year': { zh: ['一年期'] } })
    expect(await readMeta(db)).toEqual({ asOf: '2024-07-01', currency: 'EUR', source: 'import:dated.csv', companyName: 'Fixture GmbH', dataKind: 'dated', churnWindow: { from: '2024-01-15', to: '2024-07-01' } })
  })

  it('reads the same file with a BOM and CRLF line endings', async () => {
    const crlf = join(tmp, 'dated-crlf.csv')
    writeFileSync(crlf, '\uFEFF' + readFileSync(fixture('dated.csv'), 'utf8').replace(/\n/g, '\r\n'))
    const r = await importCsv(db, crlf, await loadMapping(fixture('dated.json')))
    expect(r.rows).toEqual({ customers: 5, subscriptions: 5, customer_attributes: 9, customer_measures: 0, mrr_history: 11, feedback: 3, tickets: 0, churn_events: 0, detail_rows: 0, detail_values: 0, dimensions: 4, measures: 0 })
    expect((await db.selectFrom('customers').select('id').orderBy('id').execute()).map((c) => c.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5'])
  })
})

describe('importCsv with tenure and a churn flag', () => {
  it('puts signup the day before asOf minus tenure (active on the window start) and churn on the day before asOf', async () => {
    const r = await importCsv(db, fixture('tenure.csv'), await loadMapping(fixture('tenure.json')))
    expect(r).toMatchObject({ customers: 4, churned: 2, rows: { customers: 4, subscriptions: 4, customer_attributes: 4, mrr_history: 11, feedback: 0 } })
    const spells = await db.selectFrom('subscriptions').select(['customer_id', 'start_date', 'end_date']).orderBy('customer_id').execute()
    expect(spells).toEqual([
      { customer_id: 'C1', start_date: '2019-09-30', end_date: null },
      { customer_id: 'C2', start_date: '2019-08-31', end_date: '2019-09-30' },
      { customer_id: 'C3', start_date: '2019-06-30', end_date: null },
      { customer_id: 'C4', start_date: '2018-09-30', end_date: '2019-09-30' }, // flag value "yes" matches "Yes"
    ])
    // One MRR row per month of tenure, from six months before the September window at most: 0 + 1 + 3 + 7.
    const perCustomer = await db.selectFrom('mrr_history').select(['customer_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('month').as('first'), (eb) => eb.fn.max('month').as('last')]).groupBy('customer_id').orderBy('customer_id').execute()
    expect(perCustomer).toEqual([
      { customer_id: 'C2', n: 1, first: '2019-09-01', last: '2019-09-01' },
      { customer_id: 'C3', n: 3, first: '2019-07-01', last: '2019-09-01' },
      { customer_id: 'C4', n: 7, first: '2019-03-01', last: '2019-09-01' },
    ])
    const senior = await db.selectFrom('customer_attributes').select(['customer_id', 'value']).where('dimension', '=', 'senior_citizen').orderBy('customer_id').execute()
    expect(senior.map((s) => s.value)).toEqual(['No', 'Yes', 'No', 'No'])
    expect((await db.selectFrom('customers').select('name').where('id', '=', 'C3').executeTakeFirstOrThrow()).name).toBe('C3')
    expect((await readMeta(db)).currency).toBe('USD')
  })

  it('reports progress every 5,000 rows', async () => {
    const big = join(tmp, 'progress.csv')
    writeFileSync(big, 'customerID,tenure,Churn,MonthlyCharges,SeniorCitizen\n' + Array.from({ length: 10_001 }, (_, i) => `P${i},0,No,,0`).join('\n') + '\n')
    const seen: number[] = []
    const r = await importCsv(db, big, await loadMapping(fixture('tenure.json')), { onProgress: (stage, n) => { if (stage === 'checked') seen.push(n) } })
    expect(seen).toEqual([5000, 10_000])
    expect(r.customers).toBe(10_001)
  })
})

describe('importCsv rejects bad input and writes nothing', () => {
  it('names line and column of bad dates (a churn before signup is a warning, see import-formats)', async () => {
    const msg = await importError(fixture('bad-date.csv'), 'dated.json')
    expect(msg).toContain('2 errors (nothing was imported)')
    expect(msg).toContain('line 3, column "Signed Up": expected a date as DD/MM/YYYY, got "2024-03-01"')
    expect(msg).toContain('line 5, column "Signed Up": expected a date as DD/MM/YYYY, got "31/02/2024"')
    expect(await count('customers')).toBe(0)
    expect(await count('meta')).toBe(0)
  })

  it('names line and column of bad numbers and flag values', async () => {
    const msg = await importError(fixture('bad-number.csv'), 'tenure.json')
    expect(msg.split('\n').slice(1)).toEqual([
      '  line 3, column "tenure": expected a number ≥ 0, got "abc"',
      '  line 4, column "MonthlyCharges": expected a number ≥ 0, got "12.5.0"',
      '  line 5, column "Churn": expected one of "Yes", "No", got "Maybe"',
    ])
    expect(await count('customers')).toBe(0)
  })

  it('lists the CSV columns when the mapping names a missing one', async () => {
    const msg = await importError(fixture('missing-column.csv'), 'tenure.json')
    expect(msg).toContain('mrr.column: column "MonthlyCharges" is not in the CSV')
    expect(msg).toContain(`Its columns are: "customerID", "tenure", "Churn", "SeniorCitizen"`)
  })

  it('rejects duplicate customer ids, naming both lines', async () => {
    const msg = await importError(fixture('duplicate-id.csv'), 'tenure.json')
    expect(msg).toContain('line 5, column "customerID": duplicate customer id "C2" (first on line 3)')
    expect(await count('customers')).toBe(0)
    expect(await count('mrr_history')).toBe(0)
  })

  it('rolls back rows already written when a late row fails', async () => {
    const file = join(tmp, 'late-error.csv')
    const good = Array.from({ length: 1200 }, (_, i) => `L${i},24,No,10,0`) // 1,200 customers and 28,800 MRR rows: many batches flushed
    writeFileSync(file, ['customerID,tenure,Churn,MonthlyCharges,SeniorCitizen', ...good, 'L9999,x,No,10,0'].join('\n'))
    const msg = await importError(file, 'tenure.json')
    expect(msg).toContain('line 1202, column "tenure"')
    for (const t of ['customers', 'subscriptions', 'customer_attributes', 'mrr_history', 'dimensions', 'meta'] as const) expect(await count(t)).toBe(0)
  })

  it('reads a GBK export (not UTF-8) as GB18030 instead of importing mojibake, and says so', async () => {
    const file = join(tmp, 'gbk.csv')
    // "城市" in GBK is b3 c7 ca d0: invalid as UTF-8.
    writeFileSync(file, Buffer.concat([Buffer.from('customerID,tenure,Churn,MonthlyCharges,SeniorCitizen\nG1,1,No,10,0\nG2,1,No,10,'), Buffer.from([0xb3, 0xc7, 0xca, 0xd0]), Buffer.from('\n')]))
    const r = await importCsv(db, file, await loadMapping(fixture('tenure.json')))
    expect(r.warnings).toContainEqual({ kind: 'encoding', file: 'gbk.csv', encoding: 'gb18030' })
    const g2 = await db.selectFrom('customer_attributes').select('value').where('customer_id', '=', 'G2').executeTakeFirstOrThrow()
    expect(g2.value).toBe('城市')
  })

  it('stops after 20 errors', async () => {
    const file = join(tmp, 'many-errors.csv')
    writeFileSync(file, ['customerID,tenure,Churn,MonthlyCharges,SeniorCitizen', ...Array.from({ length: 30 }, (_, i) => `E${i},-1,No,10,0`)].join('\n'))
    const msg = await importError(file, 'tenure.json')
    expect(msg).toContain('stopped after 20 errors')
    expect(msg).toContain('line 21, column "tenure"')
    expect(msg).not.toContain('line 22,')
  })

  it('refuses a non-empty database unless replace is set, and replace keeps conversations', async () => {
    await importCsv(db, fixture('tenure.csv'), await loadMapping(fixture('tenure.json')))
    await db.insertInto('conversations').values({ id: 'c1', created_at: '2024-01-01T00:00:00Z', channel: 'cli', external_key: null }).execute()
    expect(await importError(fixture('dated.csv'), 'dated.json')).toContain('already holds 4 customers')

    // A failing replace leaves the old data set in place: clearing happens inside the transaction.
    expect(await importError(fixture('bad-date.csv'), 'dated.json', { replace: true })).toContain('line 3')
    expect(await count('customers')).toBe(4)
    expect((await readMeta(db)).source).toBe('import:tenure.csv')

    const r = await importCsv(db, fixture('dated.csv'), await loadMapping(fixture('dated.json')), { replace: true })
    expect(r.customers).toBe(5)
    expect((await db.selectFrom('customers').select('id').orderBy('id').execute()).map((c) => c.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5'])
    expect(await count('mrr_history')).toBe(11)
    expect(await count('dimensions')).toBe(4)
    expect(await db.selectFrom('conversations').select('id').execute()).toEqual([{ id: 'c1' }])
  })
})

describe('loadMapping', () => {
  it('names the path of each bad field', async () => {
    const bad = {
      customerId: 'id', asOf: '2019-02-30', currency: 'usd',
      signup: { column: 'Signed' },
      churn: { flagColumn: 'Churn', trueValues: [] },
      churnReason: { column: 'Why', codes: { Moved: 'relocation' } },
      dimensions: [{ id: 'Contract Type', sourceColumn: 'Contract', name: { en: 'Contract' } }],
      extra: true,
    }
    let msg = ''
    try { parseMapping(bad, 'bad.json') } catch (e) { msg = (e as Error).message }
    expect(msg).toMatch(/^bad\.json is not a valid mapping:/)
    for (const part of ['asOf: expected a date as YYYY-MM-DD', 'currency: expected an ISO 4217 code', 'signup.format:', 'churn.trueValues: list at least one value',
      'churnReason.codes.Moved:', 'dimensions[0].id: dimension ids are snake_case', 'dimensions[0].name.zh:', '(top level): Unrecognized key: "extra"']) {
      expect(msg).toContain(part)
    }
  })

  it('requires asOf and rejects duplicate dimension ids', () => {
    const base = { customerId: 'id', signup: { column: 's', format: 'YYYY-MM-DD' }, churn: { dateColumn: 'c', format: 'YYYY-MM-DD' } }
    expect(() => parseMapping(base)).toThrow('asOf: required')
    const dim = { id: 'region', sourceColumn: 'R', name: { en: 'Region', zh: '地区' } }
    expect(() => parseMapping({ ...base, asOf: '2024-01-01', dimensions: [dim, dim] })).toThrow('dimensions[1].id: duplicate dimension id "region"')
    expect(parseMapping({ ...base, asOf: '2024-01-01', dimensions: [dim] }).dimensions[0].column).toBe('region')
  })

  it('reports a missing file and invalid JSON clearly', async () => {
    await expect(loadMapping(join(tmp, 'nope.json'))).rejects.toThrow('Mapping file not found')
    writeFileSync(join(tmp, 'broken.json'), '{ "customerId": ')
    await expect(loadMapping(join(tmp, 'broken.json'))).rejects.toThrow('is not valid JSON')
  })

  it('accepts the shipped IBM Telco mapping', async () => {
    const m = await loadMapping(join(repoRoot, 'data/mappings/ibm-telco.json'))
    expect(m.asOf).toBe('2019-10-01')
    expect(Object.keys(m.churnReason?.codes ?? {})).toHaveLength(20)
    for (const d of m.dimensions) expect(d.name.zh.length).toBeGreaterThan(0)
  })
})

// The Telco file lives in the shared data folder next to the repo on CI and dev machines only.
const telco = resolve(repoRoot, '../shared/data/external/ibm-telco-churn-cognos/Telco_customer_churn.csv')
const hasTelco = existsSync(telco)
if (!hasTelco) console.log(`Skipping the IBM Telco import test: ${telco} is not here (it is only on CI and dev machines, not in user clones).`)

describe('IBM Telco (Cognos edition) import', () => {
  it.skipIf(!hasTelco)('imports 7,043 customers and reproduces the known churn rates', async () => {
    const r = await importCsv(db, telco, await loadMapping(join(repoRoot, 'data/mappings/ibm-telco.json')))
    console.log(`IBM Telco import: ${r.customers} rows in ${r.ms} ms (${Math.round(r.customers / (r.ms / 1000))} rows/s)`)
    expect(r.customers).toBe(7043)
    expect(r.churned).toBe(1869)
    // IBM documents Churn Value as "left this quarter": the window is Q3 2019, churners dated on its last day.
    expect(await readMeta(db)).toMatchObject({ dataKind: 'snapshot', churnWindow: { from: '2019-07-01', to: '2019-10-01' } })
    expect(r.rows.feedback).toBe(1869)

    // Churned in September 2019 ÷ customers active on 2019-09-01, written independently of the importer.
    const activeAndChurned = sql`count(*) as active, sum(case when s.end_date >= '2019-09-01' and s.end_date < '2019-10-01' then 1 else 0 end) as churned`
    // "Active at the start of 1 September" = started before that day and not ended before it.
    const activeOnSept1 = sql`s.start_date < '2019-09-01' and (s.end_date is null or s.end_date >= '2019-09-01')`
    const overall = await sql<{ active: number; churned: number }>`select ${activeAndChurned} from subscriptions s where ${activeOnSept1}`.execute(db)
    expect(overall.rows[0]).toEqual({ active: 7032, churned: 1869 }) // the 11 tenure-0 customers start on 2019-09-30
    expect(Math.abs((100 * 1869) / 7032 - 26.5)).toBeLessThanOrEqual(0.1)
    const byContract = await sql<{ contract: string; active: number; churned: number }>`
      select a.value as contract, ${activeAndChurned}
      from subscriptions s join customer_attributes a on a.customer_id = s.customer_id and a.dimension = 'contract'
      where ${activeOnSept1} group by a.value`.execute(db)
    const pct = Object.fromEntries(byContract.rows.map((x) => [x.contract, (100 * x.churned) / x.active]))
    expect(Object.keys(pct).sort()).toEqual(['Month-to-month', 'One year', 'Two year'])
    expect(Math.abs(pct['Month-to-month'] - 42.7)).toBeLessThanOrEqual(0.1)
    expect(Math.abs(pct['One year'] - 11.3)).toBeLessThanOrEqual(0.1)
    expect(Math.abs(pct['Two year'] - 2.8)).toBeLessThanOrEqual(0.1)

    // The metric engine reads the file as a snapshot: churned ÷ every customer in the file (IBM's 26.5%),
    // with no period and with one that contains the file's churn window.
    const deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' as const }, grossMargin: 0.8 }
    expect(deps.catalog.coverage.kind).toBe('snapshot')
    const all = Number((await sql<{ n: number }>`select count(*) as n from customers`.execute(db)).rows[0].n)
    // The mapping's window is IBM's quarter: a month inside it cannot be answered from a snapshot.
    await expect(runMetric(deps, { metric: 'churn_rate', period: { relative: 'last_month' } })).rejects.toThrow('observes churn only in 2019-07-01 – 2019-10-01')
    for (const period of [undefined, { relative: 'last_quarter' as const }]) {
      const total = await runMetric(deps, { metric: 'churn_rate', period })
      expect(total.rows[0].value).toBe(Math.round((10000 * 1869) / all) / 100)
      expect(total.reading).toEqual({ kind: 'snapshot_share' })
    }
    const engine = await runMetric(deps, { metric: 'churn_rate', by: ['contract'] })
    const inFile = await sql<{ contract: string; n: number; churned: number }>`
      select a.value as contract, count(*) as n, sum(case when s.end_date is not null then 1 else 0 end) as churned
      from subscriptions s join customer_attributes a on a.customer_id = s.customer_id and a.dimension = 'contract' group by a.value`.execute(db)
    const share = Object.fromEntries(inFile.rows.map((x) => [x.contract, (100 * x.churned) / x.n]))
    for (const row of engine.rows) expect(row.value).toBe(Math.round(100 * share[row.segment.contract]) / 100)

    // Every stated reason is mapped; the four competitor reasons total 140 + 130 + 162 + 189.
    const byCode = await db.selectFrom('subscriptions').select(['reason_code', (eb) => eb.fn.countAll<number>().as('n')]).where('end_date', 'is not', null).groupBy('reason_code').execute()
    const n = Object.fromEntries(byCode.map((x) => [x.reason_code, Number(x.n)]))
    expect(n.null).toBeUndefined()
    expect(n.competitor).toBe(621)
    // MRR: one row per tenure month within the quarter window and the six months before it
    // (January–September 2019), so the row count is the sum of min(tenure, 9) (python over the CSV: 53,391).
    expect(r.rows.mrr_history).toBe(53_391)
  }, 60_000)
})
