import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/open-database.js'
import { isAppError } from '../../src/errors.js'
import { withPeriods } from '../../src/query/buckets-cte.js'
import { runCohortRetention, type CohortRow } from '../../src/query/cohort-retention.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { runMetric, type QueryDeps } from '../../src/query/run-metric.js'
import { bucketize, MAX_BUCKETS } from '../../src/time/period.js'
import { periodSchema } from '../../src/tools/schemas.js'
import { sampleDb } from '../fixtures/sample-db.js'
import { tinyCompany } from '../fixtures/tiny-company.js'
import { testApp } from '../helpers/test-app.js'

let sample: QueryDeps
let tiny: QueryDeps
const deps = async (db: Db): Promise<QueryDeps> => ({ db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 })

beforeAll(async () => {
  sample = await deps(await sampleDb())
  tiny = await deps(await tinyCompany())
})

/** Runs fn and returns its result (or error) with the elapsed milliseconds. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const t = performance.now()
  try {
    const value = await fn()
    return { ms: performance.now() - t, value }
  } catch (error) {
    return { ms: performance.now() - t, error }
  }
}

// SQL text with literals blanked: what stays when only the dates change.
const shape = (text: string) => text.replace(/'[^']*'/g, "'…'").replace(/\b\d+\b/g, 'N')

describe('query SQL does not grow with the input', () => {
  it('the periods CTE is one statement of the same text for 1 bucket and for the maximum', () => {
    const one = withPeriods(sample.db as any, bucketize({ from: '2026-01-01', to: '2026-02-01' }, 'month')).selectFrom('periods').selectAll().compile()
    const many = withPeriods(sample.db as any, bucketize({ from: '2025-10-01', to: '2026-10-31' }, 'day')).selectFrom('periods').selectAll().compile()
    expect(many.sql).toBe(one.sql)
    expect(many.parameters).toHaveLength(one.parameters.length)
    expect(many.sql).not.toMatch(/union/i)
  })

  it('a daily trend over a year (over the old 500-term compound limit) runs and matches counts taken from the rows', async () => {
    const r = await runMetric(sample, { metric: 'churned_customers', period: { from: '2025-10-01', to: '2026-10-31' }, grain: 'day' })
    expect(r.rows).toHaveLength(395)
    // Oracle: customers whose subscription ended on each day, counted in JavaScript from the raw rows.
    const subs = await sample.db.selectFrom('subscriptions').select(['customer_id', 'end_date']).where('end_date', 'is not', null).execute()
    const perDay = new Map<string, Set<string>>()
    for (const s of subs) perDay.set(s.end_date!, (perDay.get(s.end_date!) ?? new Set()).add(s.customer_id))
    expect(r.rows.map((x) => [x.period, x.value])).toEqual(r.rows.map((x) => [x.period, perDay.get(x.period!)?.size ?? 0]))
    expect(r.rows.reduce((a, x) => a + (x.value ?? 0), 0)).toBeGreaterThan(100)
  })

  it('cohort retention SQL has the same shape for three months of cohorts and for all time', async () => {
    const few = await runCohortRetention(sample, { period: { from: '2026-01-01', to: '2026-04-01' } })
    const all = await runCohortRetention(sample, { period: { relative: 'all_time' }, months: 36 })
    expect(few.cohorts).toHaveLength(3)
    expect(all.cohorts).toHaveLength(36)
    expect(shape(all.sql[0])).toBe(shape(few.sql[0]))
    expect(all.sql[0].length).toBeLessThan(few.sql[0].length + 20)
    expect(all.sql[0]).not.toMatch(/union all select '2024/i)
  })
})

/** Independent cohort oracle: signup month × k, retained = has a spell covering the k-th month end after signup. */
async function cohortOracle(d: QueryDeps, from: string, to: string, months: number): Promise<CohortRow[]> {
  const asOf = d.catalog.meta.asOf
  const customers = await d.db.selectFrom('customers').select(['id', 'signup_date']).execute()
  const spells = await d.db.selectFrom('subscriptions').select(['customer_id', 'start_date', 'end_date']).execute()
  const monthEnd = (cohort: string, k: number) => {
    const d0 = new Date(`${cohort}-01T00:00:00Z`)
    d0.setUTCMonth(d0.getUTCMonth() + k + 1)
    return d0.toISOString().slice(0, 10)
  }
  const byCohort = new Map<string, string[]>()
  for (const c of customers) {
    if (c.signup_date < from || c.signup_date >= to) continue
    const m = c.signup_date.slice(0, 7)
    byCohort.set(m, [...(byCohort.get(m) ?? []), c.id])
  }
  return [...byCohort.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .filter(([cohort]) => monthEnd(cohort, 0) <= asOf)
    .map(([cohort, ids]) => ({
      cohort,
      size: ids.length,
      retention: Array.from({ length: months }, (_, k) => {
        const at = monthEnd(cohort, k)
        if (at > asOf) return null
        const kept = ids.filter((id) => spells.some((s) => s.customer_id === id && s.start_date < at && (s.end_date === null || s.end_date >= at))).length
        return Math.round((10000 * kept) / ids.length) / 100
      }),
    }))
}

describe('cohort retention against an independent computation', () => {
  it('matches the oracle on the tiny company, from 1900 (clipped to the data) with 6 months', async () => {
    const r = await runCohortRetention(tiny, { period: { from: '1900-01-01', to: '2026-07-01' }, months: 6 })
    expect(r.period).toMatchObject({ from: '2025-11-01', to: '2026-07-01', label: '2025-11-01 – 2026-06-30' })
    expect(r.cohorts).toEqual(await cohortOracle(tiny, '1900-01-01', '2026-07-01', 6))
    expect(r.cohorts.map((c) => c.cohort)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })

  it('matches the oracle on the sample company for the last 12 months of cohorts', async () => {
    const r = await runCohortRetention(sample, { period: { from: '2025-10-01', to: '2026-10-01' }, months: 12 })
    expect(r.cohorts).toHaveLength(12)
    expect(r.cohorts).toEqual(await cohortOracle(sample, '2025-10-01', '2026-10-01', 12))
  })
})

describe('hostile periods end in a bounded answer or a clear 400 within 2 s', () => {
  it('cohort_retention from 1900 answers with the data\'s 36 cohorts, clipped to its first month', async () => {
    const { ms, value, error } = await timed(() => runCohortRetention(sample, { period: { from: '1900-01-01', to: '2026-11-01' }, months: 36 }))
    expect(error).toBeUndefined()
    expect(ms).toBeLessThan(2000)
    expect(value!.period).toMatchObject({ from: '2023-11-01', to: '2026-11-01', label: '2023-11-01 – 2026-10-31' })
    expect(value!.cohorts.map((c) => c.cohort)).toEqual(Array.from({ length: 36 }, (_, i) => new Date(Date.UTC(2023, 10 + i, 1)).toISOString().slice(0, 7)))
  })

  it('grain=day over ten years is a bad_period 400 naming the limit, in plain words', async () => {
    const { ms, error } = await timed(() => runMetric(sample, { metric: 'churn_rate', period: { from: '2016-11-01', to: '2026-11-01' }, grain: 'day' }))
    expect(ms).toBeLessThan(2000)
    expect(isAppError(error) && error.code).toBe('bad_period')
    expect(isAppError(error) && error.status).toBe(400)
    expect((error as Error).message).toBe(
      `A daily breakdown of 2023-11-01 – 2026-10-31 would have more than ${MAX_BUCKETS} points: choose a coarser grain (week, month, quarter) or a shorter period.`,
    )
  })

  it('a period entirely before the data is a bad_period 400 naming what the data covers', async () => {
    const { ms, error } = await timed(() => runMetric(sample, { metric: 'churn_rate', period: { from: '1900-01-01', to: '1901-01-01' }, grain: 'day' }))
    expect(ms).toBeLessThan(2000)
    expect(isAppError(error) && error.status).toBe(400)
    expect((error as Error).message).toBe('The data covers 2023-11-01 – 2026-10-31; it has nothing for 1900-01-01 – 1900-12-31.')
  })

  it('clips a period past the as-of date to the data and names its real dates', async () => {
    const r = await runMetric(sample, { metric: 'churned_customers', period: { from: '2026-01-01', to: '9999-12-31' } })
    expect(r.period).toMatchObject({ from: '2026-01-01', to: '2026-11-01', label: '2026-01-01 – 2026-10-31' })
  })

  it('absurd n is refused by the tool schema and by the metrics API with a 400', async () => {
    expect(periodSchema.safeParse({ relative: 'last_n_months', n: 1e9 }).success).toBe(false)
    expect(periodSchema.safeParse({ relative: 'last_n_days', n: -5 }).success).toBe(false)
    const { app } = await testApp(tiny.db)
    const res = await app.request('/api/metrics/churn_rate?period=last_n_months&n=1000000000')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: { code: 'bad_request', message: 'Invalid n: Too big: expected number to be <=120', details: { field: 'n' } } })
  })

  it('absurd n given directly to the query layer is clamped to 120 months, then to the data', async () => {
    const r = await runMetric(sample, { metric: 'churned_customers', period: { relative: 'last_n_months', n: 1e9 }, grain: 'month' })
    expect(r.period.from).toBe('2023-11-01')
    expect(r.rows).toHaveLength(36)
  })

  it('the metrics API answers grain=day over ten years with the same 400', async () => {
    const { app } = await testApp(sample.db)
    const t = performance.now()
    const res = await app.request('/api/metrics/churn_rate?from=2016-11-01&to=2026-11-01&grain=day')
    expect(performance.now() - t).toBeLessThan(2000)
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatchObject({ code: 'bad_period', message: expect.stringMatching(/^A daily breakdown of .* would have more than 400 points/) })
  })
})
