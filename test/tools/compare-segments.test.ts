import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/open-database.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { studentTwoSidedP } from '../../src/query/significance.js'
import { compareSegments, compareSegmentsTool, type CompareSegmentsInput } from '../../src/tools/compare-segments.js'
import type { ToolDeps } from '../../src/tools/tool-deps.js'
import { feedbackCompany } from '../fixtures/feedback-company.js'
import { sampleDb } from '../fixtures/sample-db.js'
import { tinyCompany } from '../fixtures/tiny-company.js'

const q1 = { from: '2026-01-01', to: '2026-04-01' }
const depsFor = async (db: Db): Promise<ToolDeps> => ({ db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 })
const measure = (r: Awaited<ReturnType<typeof compareSegments>>, id: string) => r.measures.find((m) => m.id === id)!

let tiny: ToolDeps
beforeAll(async () => {
  tiny = await depsFor(await tinyCompany())
})

describe('churned vs retained on the tiny company, Q1 2026 (hand-computed)', () => {
  // Churned: c2 (signup 2025-12-01, churns 03-10), c3 (2025-11-20, churns 02-01). Retained: c1 (01-15), c4 (02-01), endpoint 04-01.
  let r: Awaited<ReturnType<typeof compareSegments>>
  beforeAll(async () => {
    r = await compareSegments(tiny, { a: { status: 'churned' }, period: q1 })
  })

  it('splits the population of 4 into 2 churned and 2 retained, and leaves churn rate out', () => {
    expect(r.a).toEqual({ label: 'Churned', customers: 2 })
    expect(r.b).toEqual({ label: 'Retained', customers: 2 })
    expect(r.measures.map((m) => m.id)).toEqual(['tenure_months', 'mrr', 'tickets_per_customer', 'resolution_hours', 'logins', 'logins_trend', 'nps'])
  })

  it('tenure at the endpoint: (99 + 73) / 2 days vs (76 + 59) / 2 days, Welch t on days', () => {
    const m = measure(r, 'tenure_months')
    expect(m.a).toBe(Math.round((86 / 30.4375) * 100) / 100)
    expect(m.b).toBe(Math.round((67.5 / 30.4375) * 100) / 100)
    // Sample variances 26²/2 and 17²/2, n = 2 each → se² = 169 + 72.25 (in days²).
    const t = 18.5 / Math.sqrt(241.25)
    const df = 241.25 ** 2 / (169 ** 2 + 72.25 ** 2)
    expect(m.pValue).toBe(Number(studentTwoSidedP(t, df).toPrecision(3)))
    expect(m.pValue).toBeGreaterThan(0.3)
    expect(m).toMatchObject({ significant: false, higher: null, n: { a: 2, b: 2 }, test: 'welch_t' })
  })

  it('MRR while active: c2 100,100 and c3 200 → 150; c1 100×3 and c4 300,200 → 175', () => {
    expect(measure(r, 'mrr')).toMatchObject({ a: 150, b: 175, difference: -25 })
  })

  it('tickets before the endpoint: c2 2, c3 0 vs c1 0, c4 1; resolution 10 h and 30 h vs none resolved', () => {
    expect(measure(r, 'tickets_per_customer')).toMatchObject({ a: 1, b: 0.5, difference: 0.5 })
    expect(measure(r, 'resolution_hours')).toMatchObject({ a: 20, b: null, difference: null, pValue: null, n: { a: 2, b: 0 } })
  })

  it('logins in the 3 months before the endpoint month: c2 4/3, c3 0 vs c1 30/3, c4 0/2 (joined in February)', () => {
    expect(measure(r, 'logins')).toMatchObject({ a: 0.67, b: 5 })
    expect(measure(r, 'logins_trend')).toMatchObject({ a: null, b: null, n: { a: 0, b: 0 } }) // nobody has 6 months of history
  })

  it('NPS: one detractor (−100) vs a promoter and a passive (+50); one answer is too few to test', () => {
    expect(measure(r, 'nps')).toMatchObject({ a: -100, b: 50, difference: -150, pValue: null, significant: false })
  })

  it('charts the largest same-unit group (per customer: tickets and logins) and shows the SQL', () => {
    expect(r.chart!.spec).toMatchObject({ type: 'bar', x: ['Tickets per customer', 'Monthly logins'], series: [{ name: 'Churned', values: [1, 0.67] }, { name: 'Retained', values: [0.5, 5] }] })
    expect(r.sql[0]).toMatch(/^with "spells" as/)
    expect(r.sql[0]).toContain("'2026-04-01'")
    expect(r.definition).toMatch(/Welch/)
  })
})

describe('segments by filters', () => {
  it('complements an attribute filter: customers without the attribute count as "everyone else"', async () => {
    const r = await compareSegments(tiny, { a: { filters: [{ dimension: 'contract', values: ['年付'] }] }, measures: ['churn_rate', 'mrr'], period: q1 })
    expect(r.a).toEqual({ label: 'Contract: Annual', customers: 1 }) // c4
    expect(r.b).toEqual({ label: 'Everyone else', customers: 3 }) // c1 (Monthly), c2 and c3 (no contract)
    expect(measure(r, 'churn_rate')).toMatchObject({ a: null, b: 100, n: { a: 0, b: 2 } })
    expect(measure(r, 'mrr')).toMatchObject({ a: 250, b: 133.33 })
  })

  it('East vs West in Q2 on the feedback company: 4/4 vs 5/6 churned, z = 0.8607, p = 0.389', async () => {
    const deps = await depsFor(await feedbackCompany())
    const r = await compareSegments(deps, { a: { filters: [{ dimension: 'region', values: ['东区'] }] }, measures: ['churn_rate'], period: { from: '2026-04-01', to: '2026-07-01' }, language: 'zh' })
    expect(r.a).toEqual({ label: '地区: East', customers: 5 }) // f1, f2, f5, f7 and f11 (back in May)
    expect(r.b).toEqual({ label: '其他客户', customers: 6 })
    // Pooled 9/10, se = √(0.9·0.1·(1/4 + 1/6)) = 0.193649; z = (1 − 5/6)/se; p from math.erfc in Python: 0.389424.
    expect(measure(r, 'churn_rate')).toMatchObject({ name: '流失率', a: 100, b: 83.33, difference: 16.67, pValue: 0.389, significant: false, higher: null, n: { a: 4, b: 6 } })
    expect(r.chart!.spec.series.map((s) => s.values)).toEqual([[100], [83.33]])
  })

  it('compares two explicit segments; equal 100% churn gives p = 1', async () => {
    const r = await compareSegments(tiny, { a: { label: 'Plan A', filters: [{ dimension: 'plan', values: ['A'] }] }, b: { filters: [{ dimension: 'plan', values: ['B'] }] }, measures: ['churn_rate'], period: q1 })
    expect(r.a.label).toBe('Plan A')
    expect(r.b.label).toBe('Plan: B')
    expect(measure(r, 'churn_rate')).toMatchObject({ a: 100, b: 100, difference: 0, pValue: 1, significant: false })
  })
})

describe('errors come back as data', () => {
  const run = (input: unknown) => compareSegmentsTool(tiny).execute!(input as CompareSegmentsInput, { toolCallId: 't', messages: [], context: {} } as never)
  it('unknown dimension, unknown value, and "everyone vs everyone else"', async () => {
    expect(await run({ a: { filters: [{ dimension: 'colour', values: ['red'] }] } })).toMatchObject({ error: { code: 'unknown_dimension', valid: ['plan', 'region', 'contract'] } })
    expect(await run({ a: { filters: [{ dimension: 'plan', values: ['Z'] }] } })).toMatchObject({ error: { code: 'unknown_value' } })
    expect(await run({ a: {} })).toMatchObject({ error: { code: 'bad_request' } })
  })
})

describe('sample company sanity (independent SQL)', () => {
  it('churned vs retained over the last 12 months: counts, tickets per churned customer', async () => {
    const db = await sampleDb()
    const deps = await depsFor(db)
    const r = await compareSegments(deps, { a: { status: 'churned' }, measures: ['tickets_per_customer', 'tenure_months'] })
    const { from, to } = r.period
    const churned = await sql<{ n: number; tickets: number; days: number }>`
      with last_churn as (select customer_id, max(end_date) as d from subscriptions where end_date >= ${from} and end_date < ${to} group by customer_id)
      select count(*) as n,
        sum((select count(*) from tickets t where t.customer_id = l.customer_id and t.opened_date >= ${from} and t.opened_date < l.d)) as tickets,
        sum(julianday(l.d) - julianday(c.signup_date)) as days
      from last_churn l join customers c on c.id = l.customer_id`.execute(db)
    const retained = await sql<{ n: number }>`
      select count(distinct customer_id) as n from subscriptions s
      where s.start_date < ${to} and (s.end_date is null or s.end_date >= ${to})
        and s.customer_id not in (select customer_id from subscriptions where end_date >= ${from} and end_date < ${to})`.execute(db)
    const c = churned.rows[0]
    expect(r.a.customers).toBe(c.n)
    expect(r.b.customers).toBe(retained.rows[0].n)
    expect(measure(r, 'tickets_per_customer').a).toBe(Math.round((100 * c.tickets) / c.n) / 100)
    expect(measure(r, 'tenure_months').a).toBe(Math.round((100 * c.days) / c.n / 30.4375) / 100)
    // The sample's churners are newer customers than those who stay.
    expect(measure(r, 'tenure_months')).toMatchObject({ significant: true, higher: 'b' })
  })
})
