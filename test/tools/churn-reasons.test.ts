import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/open-database.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { trimText } from '../../src/query/trim-text.js'
import { churnReasons, churnReasonsTool, type ChurnReasonsInput } from '../../src/tools/churn-reasons.js'
import type { ToolDeps } from '../../src/tools/tool-deps.js'
import { feedbackCompany } from '../fixtures/feedback-company.js'
import { sampleDb } from '../fixtures/sample-db.js'

const q2 = { from: '2026-04-01', to: '2026-07-01' }
let deps: ToolDeps
beforeAll(async () => {
  const db = await feedbackCompany()
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
})
const summary = (r: Awaited<ReturnType<typeof churnReasons>>) => r.categories.map((c) => [c.id, c.count, c.share])

describe('why the 9 Q2 churners left (feedback company, hand-computed)', () => {
  let r: Awaited<ReturnType<typeof churnReasons>>
  beforeAll(async () => {
    r = await churnReasons(deps, { period: q2 })
  })

  it('counts each churned customer once: stored codes first, classified texts otherwise, other last', () => {
    expect(r.churned).toBe(9)
    expect(summary(r)).toEqual([
      ['price', 4, 44.44], // f1, f8, f12 stored; f2 classified from '价格太贵了'
      ['support', 2, 22.22], // f4 stored; f5 classified from its exit interview
      ['product_quality', 1, 11.11], // f3: '服务器经常宕机' is servers, not service
      ['competitor', 1, 11.11], // f6 from its stated reason text
      ['other', 1, 11.11], // f7: no code, no text
    ])
    expect(r.categories.map((c) => c.basis)).toEqual([
      { stored: 3, classified: 1, none: 0 },
      { stored: 1, classified: 1, none: 0 },
      { stored: 0, classified: 1, none: 0 },
      { stored: 0, classified: 1, none: 0 },
      { stored: 0, classified: 0, none: 1 },
    ])
  })

  it('trends by month inside a quarter', () => {
    expect(r.grain).toBe('month')
    expect(r.categories[0].trend).toEqual([{ period: '2026-04', count: 2 }, { period: '2026-05', count: 1 }, { period: '2026-06', count: 1 }])
    expect(r.categories[1].trend.map((t) => t.count)).toEqual([0, 1, 1])
  })

  it('quotes verbatim, one per customer, requested language first, only texts that show the category', () => {
    expect(r.categories[0].quotes).toEqual([
      { customerId: 'f1', date: '2026-04-12', source: 'exit_interview', language: 'en', text: 'The price increase was too much; we found a cheaper tool.' },
      { customerId: 'f2', date: '2026-04-20', source: 'exit_interview', language: 'zh', text: '价格太贵了，性价比不高。' },
    ]) // f12's exit interview is about budget cuts, so it does not illustrate price
    expect(r.categories[1].quotes.map((q) => [q.customerId, q.date])).toEqual([['f5', '2026-06-02'], ['f4', '2026-05-15']])
    expect(r.categories[3].quotes).toEqual([{ customerId: 'f6', date: '2026-06-10', source: 'reason_text', language: 'en', text: 'Switched to a competitor' }])
    expect(r.categories[4].quotes).toEqual([])
    expect(r.quotesAreData).toBe(true)
  })

  it('puts Chinese quotes first and names categories in Chinese when asked in Chinese', async () => {
    const zh = await churnReasons(deps, { period: q2, language: 'zh' })
    expect(zh.categories[0].name).toBe('价格因素')
    expect(zh.categories[0].quotes.map((q) => q.customerId)).toEqual(['f2', 'f1'])
    expect(zh.chart!.spec).toMatchObject({ type: 'pie', x: ['价格因素', '服务体验不佳', '产品质量与稳定性', '竞争对手', '其他'], series: [{ values: [4, 2, 1, 1, 1] }] })
  })

  it('returns the SQL it ran: 10 rows (one per customer and nearby text)', () => {
    expect(r.rowCount).toBe(10)
    expect(r.sql[0]).toContain('left join "feedback" as "f"')
    expect(r.sql[0]).toContain("'2026-07-01'")
    expect(r.chart!.mermaid).toMatch(/^pie showData/)
  })
})

describe('filters, all feedback, empty periods, errors', () => {
  it('filters by a region synonym: West churners f3, f4, f6, f8, f12', async () => {
    const r = await churnReasons(deps, { period: q2, filters: [{ dimension: 'region', values: ['西区'] }] })
    expect(summary(r)).toEqual([['price', 2, 40], ['support', 1, 20], ['product_quality', 1, 20], ['competitor', 1, 20]])
    expect(r.categories[0].quotes).toEqual([]) // f8 has no text; f12's text is about budget cuts
    expect(r.where).toEqual({ region: ['West'] })
  })

  it('all_feedback classifies each of the 10 Q2 texts on its own', async () => {
    const r = await churnReasons(deps, { period: q2, source: 'all_feedback' })
    expect(r.churned).toBeNull()
    expect(r.total).toBe(10)
    expect(summary(r)).toEqual([['price', 4, 40], ['support', 3, 30], ['product_quality', 1, 10], ['business_change', 1, 10], ['other', 1, 10]])
    expect(r.categories.every((c) => c.basis.stored === 0 && c.basis.classified === c.count)).toBe(true)
    expect(r.categories.at(-1)!.quotes[0].text).toBe('fee_waiver requested for March')
  })

  it('returns no categories and no chart when nobody churned', async () => {
    const r = await churnReasons(deps, { period: { from: '2026-01-01', to: '2026-02-01' } })
    expect(r).toMatchObject({ churned: 0, categories: [], chart: null })
  })

  it('reports an unknown dimension as data', async () => {
    const out = await churnReasonsTool(deps).execute!({ filters: [{ dimension: 'colour', values: ['red'] }] } as ChurnReasonsInput, { toolCallId: 't', messages: [] } as never)
    expect(out).toMatchObject({ error: { code: 'unknown_dimension' } })
  })

  it('trims long quotes to 200 characters by code point', () => {
    const long = '价格'.repeat(150)
    expect(Array.from(trimText(long, 200))).toHaveLength(200)
    expect(trimText(long, 200).endsWith('…')).toBe(true)
    expect(trimText('  short  ', 200)).toBe('short')
  })
})

describe('sample company sanity (independent SQL)', () => {
  it('stored reason codes of last-12-months churners add up per category', async () => {
    const db: Db = await sampleDb()
    const sdeps: ToolDeps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
    const r = await churnReasons(sdeps, {})
    const { from, to } = r.period
    const rows = await sql<{ code: string | null; n: number }>`
      with last as (select customer_id, max(end_date) as d from subscriptions where end_date >= ${from} and end_date < ${to} group by customer_id)
      select s.reason_code as code, count(*) as n from last l join subscriptions s on s.customer_id = l.customer_id and s.end_date = l.d
      group by s.reason_code`.execute(db)
    const total = rows.rows.reduce((n, x) => n + x.n, 0)
    expect(r.churned).toBe(total)
    for (const { code, n } of rows.rows.filter((x) => x.code !== null)) {
      expect(r.categories.find((c) => c.id === code)?.basis.stored).toBe(n)
    }
    expect(r.categories.reduce((n, c) => n + c.share, 0)).toBeCloseTo(100, 0)
  })
})
