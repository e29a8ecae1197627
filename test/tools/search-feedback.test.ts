import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { likePattern } from '../../src/query/search-feedback-sql.js'
import { searchFeedback, searchFeedbackTool, type SearchFeedbackInput } from '../../src/tools/search-feedback.js'
import type { ToolDeps } from '../../src/tools/tool-deps.js'
import { feedbackCompany } from '../fixtures/feedback-company.js'
import { sampleDb } from '../fixtures/sample-db.js'

let deps: ToolDeps
beforeAll(async () => {
  const db = await feedbackCompany()
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
})
const search = (input: SearchFeedbackInput) => searchFeedback(deps, input)
const who = (r: Awaited<ReturnType<typeof searchFeedback>>) => r.items.map((i) => [i.customerId, i.date])

describe('keyword search (feedback company, all time)', () => {
  it('"price" expands to the price keywords: 6 texts in English and Chinese, newest first', async () => {
    const r = await search({ keywords: ['price'] })
    expect(r.total).toBe(6)
    expect(who(r)).toEqual([
      ['f9', '2026-06-15'], // 'Price went up 50%'
      ['f11', '2026-05-20'], // 'fee waiver' (fee)
      ['f2', '2026-04-20'], // 价格太贵了
      ['f1', '2026-04-12'],
      ['f9', '2026-04-05'], // 'fee_waiver' (LIKE is substring matching)
      ['f5', '2025-12-01'], // 'pricey'
    ])
    expect(r.expansions).toEqual({ price: ['price'] })
    expect(r.items[2]).toEqual({ customerId: 'f2', date: '2026-04-20', source: 'exit_interview', rating: null, language: 'zh', churned: true, matched: ['价格', '太贵', '贵', '性价比'], text: '价格太贵了，性价比不高。' })
    expect(r.bySource).toEqual([{ source: 'exit_interview', matches: 2 }, { source: 'review', matches: 2 }, { source: 'support_ticket', matches: 2 }])
    expect(r.chart!.spec).toMatchObject({ type: 'bar', x: ['Exit interview', 'Review', 'Support ticket'], series: [{ values: [2, 2, 2] }] })
    expect(r.period.label).toBe('all time')
  })

  it('"价格" finds the same texts; a plain Chinese word matches as a substring', async () => {
    expect(who(await search({ keywords: ['价格'] }))).toEqual(who(await search({ keywords: ['price'] })))
    const r = await search({ keywords: ['耐心'] })
    expect(r.items.map((i) => i.text)).toEqual(['服务很好，客服很耐心'])
    expect(r.expansions).toEqual({})
  })

  it('matches English case-insensitively; a reason keyword pulls in its siblings', async () => {
    expect((await search({ keywords: ['FORCED US'] })).items.map((i) => i.customerId)).toEqual(['f12'])
    // 'budget cuts' is a business_change keyword, so 'moved' (f10: "We moved to another vendor") matches too.
    const r = await search({ keywords: ['BUDGET CUTS'] })
    expect(r.expansions).toEqual({ 'BUDGET CUTS': ['business_change'] })
    expect(r.items.map((i) => [i.customerId, i.matched])).toEqual([['f12', ['budget cuts', 'budget']], ['f10', ['moved']]])
  })

  it('takes % and _ literally: "50%" is not "500", "fee_waiver" is not "fee waiver"', async () => {
    expect((await search({ keywords: ['50%'] })).items.map((i) => i.text)).toEqual(['Price went up 50% this year'])
    expect((await search({ keywords: ['fee_waiver'] })).items.map((i) => i.text)).toEqual(['fee_waiver requested for March'])
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%')
    // Unescaped, SQLite's LIKE would have matched both: the escaping is what the test above relies on.
    const raw = await sql<{ pct: number; underscore: number }>`select
      sum(text like '%50%%') as pct, sum(text like '%fee_waiver%') as underscore from feedback`.execute(deps.db)
    expect(raw.rows[0]).toEqual({ pct: 2, underscore: 2 })
  })
})

describe('filters', () => {
  it('churnedOnly keeps customers who left and did not come back (f9 is active, f11 returned)', async () => {
    const r = await search({ keywords: ['price'], churnedOnly: true })
    expect(who(r)).toEqual([['f2', '2026-04-20'], ['f1', '2026-04-12'], ['f5', '2025-12-01']])
    expect(r.items.every((i) => i.churned)).toBe(true)
  })

  it('by region, source, language, period and limit', async () => {
    expect((await search({ keywords: ['price'], filters: [{ dimension: 'region', values: ['东区'] }] })).total).toBe(4) // f1, f2, f5, f11
    expect(who(await search({ keywords: ['price'], sources: ['review'] }))).toEqual([['f9', '2026-06-15'], ['f5', '2025-12-01']])
    expect(who(await search({ keywords: ['price'], feedbackLanguage: 'zh' }))).toEqual([['f2', '2026-04-20']])
    expect((await search({ keywords: ['price'], period: { from: '2026-05-01', to: '2026-07-01' } })).total).toBe(2)
    const limited = await search({ keywords: ['price'], limit: 2 })
    expect(limited.total).toBe(6)
    expect(limited.items).toHaveLength(2)
  })

  it('returns no chart when nothing matches, and errors as data', async () => {
    expect(await search({ keywords: ['unicorn'] })).toMatchObject({ total: 0, items: [], chart: null })
    const out = await searchFeedbackTool(deps).execute!({ keywords: ['x'], filters: [{ dimension: 'colour', values: ['red'] }] }, { toolCallId: 't', messages: [] } as never)
    expect(out).toMatchObject({ error: { code: 'unknown_dimension' } })
  })
})

describe('sample company sanity (independent SQL)', () => {
  it('counts Chinese "耐心" mentions per source like a plain LIKE query', async () => {
    const db = await sampleDb()
    const sdeps: ToolDeps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
    const r = await searchFeedback(sdeps, { keywords: ['耐心'], limit: 25 })
    const expected = await sql<{ source: string; n: number }>`select source, count(*) as n from feedback where text like '%耐心%' and date < ${r.period.to} group by source order by n desc, source`.execute(db)
    expect(r.bySource).toEqual(expected.rows.map((x) => ({ source: x.source, matches: x.n })))
    expect(r.total).toBe(expected.rows.reduce((n, x) => n + x.n, 0))
    expect(r.items.map((i) => i.date)).toEqual([...r.items.map((i) => i.date)].sort().reverse())
  })
})
