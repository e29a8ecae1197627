import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/open-database.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { compactForModel } from '../../src/tools/model-output.js'
import { queryMetric } from '../../src/tools/query-metric.js'
import { asToolResult, type ToolDeps } from '../../src/tools/tool-deps.js'
import { mermaidParse } from '../helpers/mermaid-parser.js'
import { sampleDb } from '../fixtures/sample-db.js'

let db: Db
let deps: ToolDeps
beforeAll(async () => {
  db = await sampleDb()
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
})

// Independent SQL: per region and month, the customers active on the 1st and how many of them left
// that month; the quarter's rate is the average of its three monthly rates. Written without the engine.
async function churnByRegion(months: string[]) {
  const perMonth = await Promise.all(months.map(async (from, i) => {
    const to = i + 1 < months.length ? months[i + 1] : '2026-10-01'
    const r = await sql<{ region: string; churned: number; start: number }>`
      select c.region,
        count(distinct case when s.start_date < ${from} and (s.end_date is null or s.end_date >= ${from}) then s.customer_id end) as start,
        count(distinct case when s.start_date < ${from} and s.end_date >= ${from} and s.end_date < ${to} then s.customer_id end) as churned
      from subscriptions s join customers c on c.id = s.customer_id group by c.region order by c.region`.execute(db)
    return r.rows
  }))
  return perMonth[0].map((row, k) => ({ region: row.region, rate: perMonth.reduce((sum, m) => sum + (100 * m[k].churned) / m[k].start, 0) / months.length }))
}

describe('query_metric on the sample company', () => {
  it('churn rate by region last quarter (2026-Q3) matches independent SQL, with a ranking and a bar chart', async () => {
    const out = await queryMetric(deps, { metric: 'churn_rate', period: { relative: 'last_quarter' }, by: ['region'] })
    const expected = await churnByRegion(['2026-07-01', '2026-08-01', '2026-09-01'])
    expect(out.kind).toBe('metric')
    if (out.kind !== 'metric') return
    expect(out.period).toMatchObject({ from: '2026-07-01', to: '2026-10-01', label: '2026-Q3' })
    expect(out.rows.map((r) => [(r as Record<string, unknown>).region, r.value])).toEqual(expected.map((e) => [e.region, Math.round(100 * e.rate) / 100]))
    expect(out.reading).toEqual({ kind: 'average_monthly', months: 3 })
    const top = [...expected].sort((a, b) => b.rate - a.rate)[0]
    expect(out.ranking?.highest.segment).toBe(top.region)
    expect(out.chart?.spec.type).toBe('bar')
    await expect(mermaidParse(out.chart!.mermaid)).resolves.toBeTruthy()
    expect(out.definition).toMatch(/subscription cancelled/)
    expect(out.sql.length).toBeGreaterThan(0)
  })

  it('headline compares with the previous quarter', async () => {
    const out = await queryMetric(deps, { metric: 'churned_customers', period: { relative: 'last_quarter' } })
    if (out.kind !== 'metric') throw new Error('expected metric')
    const count = async (from: string, to: string) =>
      Number((await sql<{ n: number }>`select count(distinct customer_id) as n from subscriptions where end_date >= ${from} and end_date < ${to}`.execute(db)).rows[0].n)
    const now = await count('2026-07-01', '2026-10-01')
    const before = await count('2026-04-01', '2026-07-01')
    expect(out.headline.value).toBe(now)
    expect(out.headline.previous).toEqual({ period: '2026-Q2', value: before })
    expect(out.headline.change).toBe(now - before)
  })

  it('monthly trend over the last 12 months has 12 points and a line chart', async () => {
    const out = await queryMetric(deps, { metric: 'churn_rate', period: { relative: 'last_n_months', n: 12 }, grain: 'month', language: 'zh' })
    if (out.kind !== 'metric') throw new Error('expected metric')
    expect(out.rows.map((r) => r.period)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'])
    expect(out.chart?.spec).toMatchObject({ type: 'line', title: '客户流失率 · last 12 months' })
    await expect(mermaidParse(out.chart!.mermaid)).resolves.toBeTruthy()
  })

  it('cohort retention returns a matrix whose month-0 share matches SQL', async () => {
    const out = await queryMetric(deps, { metric: 'cohort_retention', period: { from: '2026-01-01', to: '2026-02-01' } })
    if (out.kind !== 'cohort') throw new Error('expected cohort')
    const size = Number((await sql<{ n: number }>`select count(*) as n from customers where signup_date >= '2026-01-01' and signup_date < '2026-02-01'`.execute(db)).rows[0].n)
    const alive = Number((await sql<{ n: number }>`select count(distinct c.id) as n from customers c join subscriptions s on s.customer_id = c.id
      where c.signup_date >= '2026-01-01' and c.signup_date < '2026-02-01' and s.start_date < '2026-02-01' and (s.end_date is null or s.end_date >= '2026-02-01')`.execute(db)).rows[0].n)
    expect(out.cohorts[0]).toMatchObject({ cohort: '2026-01', size })
    expect(out.cohorts[0].retention[0]).toBe(Math.round((10000 * alive) / size) / 100)
    expect(out.cohorts[0].retention).toHaveLength(12)
  })

  it('an unknown value comes back as data listing the valid values', async () => {
    const out = await asToolResult(() => queryMetric(deps, { metric: 'churn_rate', filters: [{ dimension: 'region', values: ['Atlantis'] }] }))
    expect(out).toMatchObject({ error: { code: 'unknown_value' } })
    expect((out as { error: { valid: string[] } }).error.valid).toContain('APAC')
  })

  it('gives the model a compact view (under 5,000 characters for a 12-month × 4-region trend) without SQL or chart source', async () => {
    const out = await queryMetric(deps, { metric: 'churn_rate', period: { relative: 'last_n_months', n: 12 }, grain: 'month', by: ['region'] })
    const forModel = compactForModel(out).value
    expect(JSON.stringify(forModel).length).toBeLessThan(5000)
    expect(forModel.rows).toHaveLength(40)
    expect(forModel.truncated).toBe(8)
    expect(forModel.chart).toEqual({ attached: true, type: 'line', title: 'Customer churn rate · last 12 months' })
    expect(forModel.sqlQueries).toBe(out.sql.length)
    expect(JSON.stringify(forModel)).not.toMatch(/select/i)
  })
})
