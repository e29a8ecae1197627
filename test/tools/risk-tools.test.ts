import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/db/open-database.js'
import { generateSampleCompany } from '../../src/db/sample/generate-sample-company.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { exampleSource } from '../../src/risk/examples.js'
import { importInterventionsCsv } from '../../src/risk/interventions.js'
import { interventionEffect } from '../../src/risk/intervention-effect.js'
import { loadHistory } from '../../src/risk/load-history.js'
import { maskName } from '../../src/risk/mask-name.js'
import { predictRisk } from '../../src/risk/train.js'
import { trainRiskModel } from '../../src/risk/train-risk-model.js'
import { atRiskCustomers } from '../../src/tools/at-risk-customers.js'
import { riskReliability } from '../../src/tools/risk-reliability.js'
import { riskSummary } from '../../src/tools/risk-summary.js'
import type { ToolDeps } from '../../src/tools/tool-deps.js'
import { testApp } from '../helpers/test-app.js'

let db: Db
let deps: ToolDeps
const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

beforeAll(async () => {
  db = await openDatabase(':memory:')
  await generateSampleCompany(db, { customers: 1500 })
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
  await trainRiskModel(db, deps.catalog, { now: () => new Date('2026-11-02T06:00:00Z') })
}, 180_000)

describe('maskName', () => {
  it('keeps the first word, or two letters of a one-word name', () => {
    expect(maskName('Acme Analytics Ltd')).toBe('Acme ***')
    expect(maskName('广州博达企业服务有限公司')).toBe('广州***')
    expect(maskName('  ')).toBe('***')
  })
})

describe('at_risk_customers', () => {
  it('ranks active customers by risk with masked names, real MRR, factors and provenance', async () => {
    const r = await atRiskCustomers(deps, { limit: 10, language: 'en' })
    expect(r.model).toMatchObject({ id: 'logit-20261102T060000Z', trainedAt: '2026-11-02T06:00:00.000Z', dataAsOf: '2026-11-01', algorithm: 'logistic_regression' })
    expect(r.period).toEqual({ from: '2026-11-01', to: '2026-12-01', label: '2026-11' })
    expect(r.customers).toHaveLength(10)
    const probs = r.customers.map((c) => c.probability)
    expect([...probs].sort((a, b) => b - a)).toEqual(probs)
    // Everyone listed has an open subscription at the as-of date; MRR is October's row in mrr_history.
    const rows = await db.selectFrom('customers').innerJoin('mrr_history', 'mrr_history.customer_id', 'customers.id').select(['customers.id', 'customers.name', 'mrr']).where('month', '=', '2026-10-01').where('customers.id', 'in', r.customers.map((c) => c.customerId)).execute()
    const open = await db.selectFrom('subscriptions').select('customer_id').where('end_date', 'is', null).where('customer_id', 'in', r.customers.map((c) => c.customerId)).execute()
    expect(open).toHaveLength(10)
    for (const c of r.customers) {
      const row = rows.find((x) => x.id === c.customerId)!
      expect(c.mrr).toBe(row.mrr)
      expect(c.name).toBe(maskName(row.name))
      expect(c.name).not.toBe(row.name)
      expect(c.mrrAtRisk).toBeCloseTo(c.probability * c.mrr, 9)
      expect(c.factors.length).toBeGreaterThan(0)
      for (const f of c.factors) expect(f.contribution).toBeGreaterThan(0)
    }
    expect(r.sql.some((s) => /from "activity"/.test(s))).toBe(true)
    expect(r.totals.customers).toBe(Number((await db.selectFrom('subscriptions').select((e) => e.fn.countAll<number>().as('n')).where('end_date', 'is', null).executeTakeFirst())!.n))
  })

  it('filters by segment (synonyms too), and a longer horizon compounds the monthly risk', async () => {
    const one = await atRiskCustomers(deps, { filters: [{ dimension: 'region', values: ['亚太'] }], limit: 5, language: 'zh' })
    expect(one.where).toEqual({ region: ['APAC'] })
    for (const c of one.customers) expect(c.segment.region).toBe('APAC')
    expect(one.definition).toContain('流失风险')
    const three = await atRiskCustomers(deps, { filters: [{ dimension: 'region', values: ['APAC'] }], limit: 5, horizon_months: 3 })
    expect(three.customers.map((c) => c.customerId)).toEqual(one.customers.map((c) => c.customerId))
    three.customers.forEach((c, i) => expect(c.probability).toBeCloseTo(1 - (1 - one.customers[i].probability) ** 3, 12))
  })
})

describe('risk_summary', () => {
  it('splits MRR at risk by segment; the segments add up to the total and match a filtered call', async () => {
    const by = await riskSummary(deps, { by: 'region', language: 'en' })
    const sum = (k: 'mrrAtRisk' | 'customers' | 'mrr') => by.rows.reduce((s, r) => s + r[k], 0)
    expect(sum('customers')).toBe(by.total.customers)
    expect(sum('mrrAtRisk')).toBeCloseTo(by.total.mrrAtRisk, 6)
    expect(by.chart?.spec).toMatchObject({ type: 'bar', unit: 'USD', x: by.rows.map((r) => r.segment) })
    const apac = await riskSummary(deps, { filters: [{ dimension: 'region', values: ['APAC'] }] })
    const row = by.rows.find((r) => r.segment === 'APAC')!
    expect(apac.total.mrrAtRisk).toBeCloseTo(row.mrrAtRisk, 6)
    expect(apac.total.mrr).toBeCloseTo(row.mrr, 6)
    // The high-risk band is the top 10% of all active customers.
    expect(sum('customers') > 0 && by.rows.reduce((s, r) => s + r.highRisk, 0)).toBe(Math.ceil(by.total.customers * 0.1))
  })
})

describe('risk_reliability', () => {
  it('reports the stored model\'s backtest', async () => {
    const r = await riskReliability(deps, { language: 'en' })
    expect(r.model.id).toBe('logit-20261102T060000Z')
    expect(r.backtest.method).toBe('temporal')
    expect(r.backtest.auc).toBe(r.model.backtestAuc)
    expect(r.backtest.calibration).toHaveLength(10)
    expect(r.chart.spec.series.map((s) => s.name)).toEqual(['predicted', 'actual'])
  })
})

describe('the offline analyst answers early-warning questions through the tools', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['Which customers are likely to churn next month?', 'at_risk_customers', /Customers most likely to churn in the next month .*names masked[\s\S]*Model: logit-20261102T060000Z \(logistic regression, trained 2026-11-02/],
    ['哪些客户有流失风险？原因是什么？', 'at_risk_customers', /未来 1 个月流失风险最高的客户[\s\S]*原因：[\s\S]*模型：logit-20261102T060000Z/],
    ['how much revenue is at risk in APAC?', 'risk_summary', /^Region = APAC: expected MRR at risk over the next month is [\d,]+ USD/],
    ['亚太地区有多少收入面临流失风险？', 'risk_summary', /^地区 = APAC：未来 1 个月预期风险MRR [\d,]+ USD/],
    ['这个预测准吗？', 'risk_reliability', /^回测：用 .* 的月份训练，在之后从未见过的/],
    ['How reliable is this?', 'risk_reliability', /^Backtest: trained on .* and tested on later months it never saw/],
    ['Did our win-back calls work?', 'intervention_effect', /^No interventions are recorded, so the data cannot tell/],
    ['挽回措施有效吗？', 'intervention_effect', /^数据里没有记录任何挽回\/干预措施/],
    ['给我本周流失简报', 'churn_digest', /^\*\*流失周报 · 2026-10-25 – 2026-10-31 · 全部客户\*\*\n• 流失率 [\d.]+%/],
    ['Monthly churn summary for APAC', 'churn_digest', /^\*\*Monthly churn digest · 2026-10 · Region = APAC\*\*\n• Churn rate [\d.]+%/],
  ]
  it.each(cases)('%s', async (question, tool, answer) => {
    const { app } = await testApp(db)
    const body = await (await app.request('/api/ask', post({ question }))).json()
    expect(body.toolCalls.map((c: { name: string }) => c.name)).toEqual([tool])
    expect(body.answer).toMatch(answer)
  })

  it('takes the filters and horizon from the question', async () => {
    const { app } = await testApp(db)
    const body = await (await app.request('/api/ask', post({ question: 'Which Starter customers are at risk over the next quarter?' }))).json()
    expect(body.toolCalls[0].input).toEqual({ filters: [{ dimension: 'plan', values: ['Starter'] }], horizon_months: 3, language: 'en' })
  })
})

describe('interventions', () => {
  it('are posted through the API (all-or-nothing) and imported from CSV', async () => {
    const { app } = await testApp(db)
    const ok = await app.request('/api/interventions', post({ interventions: [{ customer_id: 'C000001', date: '2026-06-01', action: 'win-back call', team: 'CS' }] }))
    expect(ok.status).toBe(201)
    expect(await ok.json()).toEqual({ stored: 1 })
    const bad = await app.request('/api/interventions', post({ interventions: [{ customer_id: 'C000002', date: '2026-06-01', action: 'call' }, { customer_id: 'NOPE', date: '2026-06-01', action: 'call' }] }))
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.message).toBe('item 2: unknown customer "NOPE"')
    const dir = join('test-artifacts', 'risk')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'bad.csv'), 'Customer,Date,Action\nC000003,2026-13-01,call\n')
    await expect(importInterventionsCsv(db, join(dir, 'bad.csv'))).rejects.toThrow('line 2: date date must be a real calendar date')
    const stored = await db.selectFrom('interventions' as never).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst()
    expect(Number((stored as { n: number }).n)).toBe(1)
    await db.deleteFrom('interventions' as never).execute()
  })

  it('judge treated against same-decile untreated customers, and say when the data cannot tell', async () => {
    // Treat 40 of the riskiest customers on 2026-05-01 who then stayed ≥ 3 months: a "save" that visibly worked.
    const model = (await import('../../src/risk/model-store.js')).latestRiskModel
    const m = (await model(db, '2026-11-01'))!
    const history = await loadHistory(db, deps.catalog)
    const ex = exampleSource(history, deps.catalog.dimensions.map((d) => d.id), 'dated')('2026-05-01')
    const fitted = { columns: m.columns, scaler: m.parameters.scaler, fit: m.parameters }
    const ranked = ex.map((e) => ({ id: e.customerId, p: predictRisk(fitted, e) })).sort((a, b) => b.p - a.p).slice(0, Math.floor(ex.length / 10))
    const stayed = ranked.filter((r) => history.customers.get(r.id)!.spells.every((s) => s.end === null || s.end > '2026-08-20' || s.end < '2026-05-01')).slice(0, 40)
    expect(stayed.length).toBe(40)
    const others = ex.filter((e) => !ranked.some((r) => r.id === e.customerId)).slice(0, 5).map((e) => e.customerId)
    const dir = join('test-artifacts', 'risk')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'interventions.csv'), `customer_id,date,action,team\n${stayed.map((s) => `${s.id},2026-05-20,win-back call,CS`).join('\n')}\nC000001,2026-10-15,discount offer,Sales\n${others.map((id) => `${id},2026-06-10,loyalty gift,Marketing`).join('\n')}\n`)
    expect(await importInterventionsCsv(db, join(dir, 'interventions.csv'))).toBe(46)

    const calls = await interventionEffect(db, deps.catalog, { action: 'call' })
    expect(calls).toMatchObject({ interventions: 40, treated: 40, treatedChurned: 0, treatedRate: 0, tooRecent: 0, verdict: 'helped' })
    expect(calls.comparisonRate!).toBeGreaterThan(0.1)
    expect(calls.pValue!).toBeLessThan(0.001)
    // The discount offer is too recent for a 3-month follow-up: nothing to judge.
    const offers = await interventionEffect(db, deps.catalog, { action: 'discount' })
    expect(offers).toMatchObject({ interventions: 1, treated: 0, tooRecent: 1, verdict: 'cannot_tell' })
    // Five treated customers: too few to tell, whatever the rates.
    const few = await interventionEffect(db, deps.catalog, { team: 'marketing' })
    expect(few).toMatchObject({ interventions: 5, treated: 5, verdict: 'cannot_tell', reason: 'too_few' })
    const { app } = await testApp(db)
    const zh = await (await app.request('/api/ask', post({ question: '挽回措施有效吗？' }))).json()
    expect(zh.answer).toContain('结论：干预后的流失明显更低')
  }, 120_000)
})
