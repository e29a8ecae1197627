import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/open-database.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { runMetric, type MetricQuery, type QueryDeps } from '../../src/query/run-metric.js'
import { tinyCompany } from '../fixtures/tiny-company.js'

let deps: QueryDeps
const q1 = { from: '2026-01-01', to: '2026-04-01' }
const run = (q: MetricQuery) => runMetric(deps, q)
const total = async (q: MetricQuery) => (await run(q)).rows[0]

beforeAll(async () => {
  const db: Db = await tinyCompany()
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
})

describe('customer flow (hand-computed on the tiny company)', () => {
  it('counts Q1 2026: 2 active at start, 2 new, 2 churned (1 involuntary), 2 active at end', async () => {
    const r = await total({ metric: 'churned_customers', period: q1 })
    expect(r.value).toBe(2)
    expect(r.parts).toEqual({ churned_voluntary: 1, churned_involuntary: 1 })
    expect((await total({ metric: 'active_customers', period: q1 })).parts).toEqual({ active_start: 2, new: 2, churned: 2 })
    expect((await total({ metric: 'active_customers', period: q1 })).value).toBe(2)
    // Q1 churn read as the average of the monthly rates: Jan 0/2, Feb 1/3 (c3 on 1 Feb), Mar 1/3 (c2) → 22.22%;
    // the starting cohort (c2, c3 active on 1 Jan) lost both: 2 of 2.
    const rate = await run({ metric: 'churn_rate', period: q1 })
    expect(rate.rows[0].value).toBe(22.22)
    expect(rate.rows[0].parts).toMatchObject({ churned_from_start: 2, active_start: 2, churned: 2 })
    expect(rate.reading).toEqual({ kind: 'average_monthly', months: 3 })
  })

  it('never counts in the numerator a customer absent from the denominator', async () => {
    // c4 joins 1 Feb; c3 leaves 1 Feb: in February 1 of the 3 active on 1 Feb left.
    const feb = await total({ metric: 'churn_rate', period: { from: '2026-02-01', to: '2026-03-01' } })
    expect(feb.parts).toMatchObject({ churned_from_start: 1, active_start: 3 })
    expect(feb.value).toBe(33.33)
  })

  it('treats a reactivation as neither new nor retained', async () => {
    const q2 = { from: '2026-04-01', to: '2026-07-01' }
    expect((await total({ metric: 'reactivated_customers', period: q2 })).value).toBe(1)
    expect((await total({ metric: 'new_customers', period: q2 })).value).toBe(0)
    const ret = await total({ metric: 'retention_rate', period: q2 })
    expect(ret.parts).toEqual({ churned_from_start: 0, active_start: 2 })
    expect(ret.value).toBe(100)
  })

  it('buckets by month with period edges: a churn on 1 Feb counts in February', async () => {
    const r = await run({ metric: 'churn_rate', period: q1, grain: 'month' })
    expect(r.rows.map((x) => [x.period, x.value, x.parts.churned, x.parts.active_start])).toEqual([
      ['2026-01', 0, 0, 2],
      ['2026-02', 33.33, 1, 3],
      ['2026-03', 33.33, 1, 3],
    ])
  })

  it('groups by a column dimension and an attribute dimension', async () => {
    const r = await run({ metric: 'churned_customers', period: q1, by: ['plan', 'contract'] })
    expect(r.rows.map((x) => [x.segment.plan, x.segment.contract, x.value])).toEqual([
      ['A', '(not set)', 1],
      ['A', 'Monthly', 0],
      ['B', '(not set)', 1],
      ['B', 'Annual', 0],
    ])
  })

  it('filters by a value synonym and rejects unknown values with the valid list', async () => {
    expect((await total({ metric: 'churned_customers', period: q1, where: { plan: ['甲'] } })).value).toBe(1)
    await expect(run({ metric: 'churn_rate', period: q1, where: { plan: ['Z'] } })).rejects.toThrow(/Valid values: A, B|Valid values: B, A/)
    await expect(run({ metric: 'churn_rate', period: q1, by: ['colour'] })).rejects.toThrow(/Unknown dimension "colour". Valid dimensions: plan, region, contract/)
    await expect(run({ metric: 'happiness', period: q1 })).rejects.toThrow(/Unknown metric "happiness"/)
  })

  it('refuses a period the data does not cover, and clips one it covers in part', async () => {
    await expect(run({ metric: 'churn_rate', period: { from: '2020-01-01', to: '2020-04-01' } })).rejects.toThrow(/covers 2025-11-20 – 2026-06-30/)
    const r = await run({ metric: 'churned_customers', period: { from: '2025-01-01', to: '2026-04-01' } })
    expect(r.period).toMatchObject({ from: '2025-11-20', to: '2026-04-01' })
    expect(r.adjustments).toEqual([{ kind: 'clipped', asked: { from: '2025-01-01', to: '2026-04-01' } }])
    expect(r.rows[0].value).toBe(2)
  })

  it('returns null with a reason when nobody was active, never NaN', async () => {
    const r = await total({ metric: 'churn_rate', period: { from: '2025-11-20', to: '2025-11-21' } })
    expect(r.value).toBeNull()
    expect(r.reason).toMatch(/no customers were active/)
  })
})

describe('revenue (start = month before the period, end = its last month)', () => {
  it('Q1 2026: start 300 (Dec), end 300 (Mar), churned 300, NRR 0%', async () => {
    const r = await total({ metric: 'net_revenue_retention', period: q1 })
    expect(r.parts).toEqual({ start_mrr: 300, churned_mrr: 300, contraction_mrr: 0, expansion_mrr: 0 })
    expect(r.value).toBe(0)
    expect((await total({ metric: 'mrr', period: q1 })).value).toBe(300)
  })

  it('March 2026: contraction 100 and churn 100 of 500 → gross revenue churn 40%, NRR 60%', async () => {
    const mar = { from: '2026-03-01', to: '2026-04-01' }
    expect((await total({ metric: 'gross_revenue_churn_rate', period: mar })).value).toBe(40)
    expect((await total({ metric: 'net_revenue_retention', period: mar })).value).toBe(60)
    expect((await total({ metric: 'gross_revenue_retention', period: mar })).value).toBe(60)
    expect((await total({ metric: 'contraction_mrr', period: mar })).value).toBe(100)
  })

  it('April 2026: expansion 200 → NRR 166.67%; ARPA = 650 / 3', async () => {
    const apr = { from: '2026-04-01', to: '2026-05-01' }
    expect((await total({ metric: 'expansion_mrr', period: apr })).value).toBe(200)
    expect((await total({ metric: 'net_revenue_retention', period: apr })).value).toBe(166.67)
    expect((await total({ metric: 'arpa', period: apr })).value).toBe(216.67)
  })

  it('LTV = ARPA × margin ÷ monthly churn; null when nobody churned', async () => {
    // Q1: ARPA = 300/2 = 150; monthly churn = (2/2)/3 months → LTV = 150 × 0.8 ÷ (1/3) = 360
    expect((await total({ metric: 'ltv', period: q1 })).value).toBe(360)
    const q2 = await total({ metric: 'ltv', period: { from: '2026-04-01', to: '2026-07-01' } })
    expect(q2.value).toBeNull()
    expect(q2.reason).toMatch(/no customers churned/)
    // CAC of Q1 signups with a cost: c1 1000, c4 2000 → 1500; LTV:CAC = 360 / 1500 = 0.24
    expect((await total({ metric: 'cac', period: q1 })).value).toBe(1500)
    expect((await total({ metric: 'ltv_cac_ratio', period: q1 })).value).toBe(0.24)
  })
})

describe('engagement, tickets, NPS, tenure', () => {
  it('averages logins over customer-months and counts tickets', async () => {
    expect((await total({ metric: 'logins_per_customer', period: q1 })).value).toBe(11.33)
    expect((await total({ metric: 'tickets', period: q1 })).value).toBe(3)
    expect((await total({ metric: 'avg_resolution_hours', period: q1 })).value).toBe(20)
    expect((await total({ metric: 'tickets_per_customer', period: q1 })).value).toBe(1.5)
  })
  it('NPS: one promoter, one detractor, one passive → 0', async () => {
    const r = await total({ metric: 'nps', period: q1 })
    expect(r.parts).toEqual({ responses: 3, promoters: 1, detractors: 1 })
    expect(r.value).toBe(0)
  })
  it('average tenure at 2026-04-01 of c1 (76 days) and c4 (59 days)', async () => {
    expect((await total({ metric: 'avg_tenure', period: q1 })).value).toBe(Math.round(((76 + 59) / 2 / 30.4375) * 100) / 100)
  })
})

describe('provenance', () => {
  it('states the period, the churn definition and the SQL it ran', async () => {
    const r = await run({ metric: 'churn_rate', period: q1, by: ['region'] })
    expect(r.period).toEqual({ from: '2026-01-01', to: '2026-04-01', label: '2026-01-01 – 2026-03-31', name: { kind: 'range' } })
    expect(r.definition).toMatch(/subscription cancelled/)
    expect(r.sql[0]).toMatch(/^with "spells" as .*;\n\nwith "periods" as/s)
    expect(r.sql[0]).toContain("'2026-01-01'")
    expect(r.sql[0]).toContain('"c"."region"')
  })
})

describe('cohort retention', () => {
  it('gives each signup month its size and % active k months later', async () => {
    const { runCohortRetention } = await import('../../src/query/cohort-retention.js')
    const r = await runCohortRetention(deps, { period: { from: '2025-11-01', to: '2026-03-01' }, months: 4 })
    // Nov-2025 cohort = c3: active end of Nov, Dec, Jan (churns 1 Feb, counted active at instant 1 Feb), gone end of Feb.
    expect(r.cohorts).toEqual([
      { cohort: '2025-11', size: 1, retention: [100, 100, 100, 0] },
      { cohort: '2025-12', size: 1, retention: [100, 100, 100, 0] },
      { cohort: '2026-01', size: 1, retention: [100, 100, 100, 100] },
      { cohort: '2026-02', size: 1, retention: [100, 100, 100, 100] },
    ])
  })
})

describe('inactivity churn definition', () => {
  it('churns a customer N days after the last activity (or signup when never active)', async () => {
    const db = await tinyCompany()
    for (const [id, d] of [['c1', '2026-05-20'], ['c2', '2026-01-10'], ['c3', '2026-06-25']] as const) {
      await db.updateTable('customers').set({ last_active_date: d }).where('id', '=', id).execute()
    }
    const inactive = { db, catalog: await loadDataCatalog(db), churn: { kind: 'inactivity' as const, days: 30 }, grossMargin: 0.8 }
    // c1 churns 2026-06-19, c2 2026-02-09, c4 (never active) 2026-03-03; c3's day 30 is after the as-of date.
    const q2 = await runMetric(inactive, { metric: 'churn_rate', period: { from: '2026-04-01', to: '2026-07-01' } })
    // Active on 1 April: c1, c3. April 0/2, May 0/2, June 1/2 (c1) → average 16.67%; the cohort lost 1 of 2.
    expect(q2.rows[0].parts).toMatchObject({ churned_from_start: 1, active_start: 2 })
    expect(q2.rows[0].value).toBe(16.67)
    expect(q2.definition).toBe('churn = no activity for 30 days (counted on day 30 after the last activity)')
    const jan = await runMetric(inactive, { metric: 'churned_customers', period: q1 })
    expect(jan.rows[0].value).toBe(2)
  })
})

describe('periodLabel', () => {
  it('names whole months, quarters and years, and otherwise shows the first and last day', async () => {
    const { periodLabel } = await import('../../src/time/period.js')
    expect(periodLabel('2026-03-01', '2026-04-01')).toBe('2026-03')
    expect(periodLabel('2026-07-01', '2026-10-01')).toBe('2026-Q3')
    expect(periodLabel('2025-01-01', '2026-01-01')).toBe('2025')
    expect(periodLabel('2024-11-01', '2025-11-01')).toBe('2024-11-01 – 2025-10-31')
  })
})
