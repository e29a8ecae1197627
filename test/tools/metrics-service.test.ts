import { beforeAll, describe, expect, it } from 'vitest'
import { scriptedModel, testApp } from '../helpers/test-app.js'
import { tinyCompany } from '../fixtures/tiny-company.js'

// GET /api/metrics/:id and `churn-insight metrics` share one validated service: bad input is a 400 with the field named.
describe('metrics service through GET /api/metrics/:id', () => {
  let app: Awaited<ReturnType<typeof testApp>>['app']
  beforeAll(async () => {
    app = (await testApp(await tinyCompany(), scriptedModel([{ text: 'x' }]))).app
  })

  it.each([
    ['period=last_decade', 'period'],
    ['period=last_n_months&n=0', 'n'],
    ['period=last_n_months&n=abc', 'n'],
    ['period=last_n_months&n=100000', 'n'],
    ['from=2026-13-45', 'from'],
    ['grain=hourly', 'grain'],
    ['months=500', 'months'],
  ])('?%s → 400 naming %s', async (query, field) => {
    const res = await app.request(`/api/metrics/churn_rate?${query}`)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toMatch(/bad_request|bad_period/)
    expect(body.error.message).toContain(field)
  })

  it('answers a valid request with the rows and the period it used', async () => {
    const res = await app.request('/api/metrics/churned_customers?period=last_n_months&n=3')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.period).toMatchObject({ from: '2026-04-01', to: '2026-07-01' })
    expect(body.rows[0].value).toBe(0)
  })
})
