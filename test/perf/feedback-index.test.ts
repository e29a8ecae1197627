import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { classifyReason } from '../../src/catalog/classify-reason.js'
import type { Db } from '../../src/db/open-database.js'
import { openDatabase } from '../../src/db/open-database.js'
import { storeReasonCategories } from '../../src/db/store-reason-categories.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { likePattern, searchFeedbackRows } from '../../src/query/search-feedback-sql.js'
import { resolveSegments } from '../../src/query/resolve-segments.js'
import type { ToolDeps } from '../../src/tools/tool-deps.js'
import { sampleDb } from '../fixtures/sample-db.js'

let db: Db
let deps: ToolDeps
beforeAll(async () => {
  db = await sampleDb()
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
})

// The oracle: the plain LIKE scan the index replaced (LIKE ignores ASCII case; lower() on both sides anyway).
async function likeIds(terms: string[]): Promise<number[]> {
  const r = await sql<{ id: number }>`select id from feedback where ${sql.join(terms.map((t) => sql`lower(text) like ${likePattern(t)} escape '\\'`), sql` or `)} order by date desc, id desc`.execute(db)
  return r.rows.map((x) => x.id)
}
async function indexedIds(terms: string[]): Promise<{ ids: number[]; total: number; sql: string[] }> {
  const all = { from: '2000-01-01', to: '2100-01-01', label: 'all time' } as never
  const r = await searchFeedbackRows(deps, { terms, period: all, plan: resolveSegments(deps.catalog, [], {}), limit: 100_000 })
  return { ids: r.hits.map((h) => h.id), total: r.bySource.reduce((n, s) => n + s.matches, 0), sql: r.sql }
}

describe('feedback search through the FTS5 trigram index (5,000-customer sample)', () => {
  const cases: string[][] = [
    ['price'], ['too expensive', 'competitor'], ['SUPPORT'], ['耐心'], ['价格', '太贵', '贵'], ['客服响应'], ['onboarding', '上手'], ['ux'], ['50%'], ['"quoted"'],
  ]
  for (const terms of cases) {
    it(`finds the same texts as a LIKE scan for ${JSON.stringify(terms)}`, async () => {
      const expected = await likeIds(terms.map((t) => t.toLowerCase()))
      const got = await indexedIds(terms.map((t) => t.toLowerCase()))
      expect(got.ids).toEqual(expected)
      expect(got.total).toBe(expected.length)
    })
  }

  it('uses the index for every term: phrases of 3+ characters, the trigrams a shorter term begins', async () => {
    const r = await indexedIds(['price', '贵'])
    expect(r.sql[0]).toMatch(/^select term from feedback_fts_vocab where term >= '贵'/)
    expect(r.sql[1]).toContain(`feedback_fts match '"price" OR "贵`)
    expect(r.sql[1]).not.toContain(' like ')
    expect(r.sql[1]).not.toContain('lower(')
    expect(r.ids.length).toBeGreaterThan(100)
  })

  it('the index follows inserts, updates and deletes', async () => {
    const fresh = await openDatabase(':memory:')
    const row = { customer_id: 'c1', date: '2026-01-05', source: 'review' as const, rating: 2, language: 'en' as const }
    await fresh.insertInto('feedback').values([{ ...row, text: 'The pricing page is confusing' }, { ...row, text: 'Great product' }]).execute()
    const hits = async (term: string) => (await sql<{ id: number }>`select rowid as id from feedback_fts where feedback_fts match ${`"${term}"`} order by rowid`.execute(fresh)).rows.map((r) => r.id)
    expect(await hits('pricing')).toEqual([1])
    await fresh.updateTable('feedback').set({ text: 'Pricing is fine now' }).where('id', '=', 2).execute()
    expect(await hits('pricing')).toEqual([1, 2])
    await fresh.deleteFrom('feedback').where('id', '=', 1).execute()
    expect(await hits('pricing')).toEqual([2])
    expect(await hits('confusing')).toEqual([])
    await fresh.destroy()
  })

  it('finds one- and two-character terms at the very end of a text, and texts shorter than a trigram', async () => {
    const fresh = await openDatabase(':memory:')
    const row = { customer_id: 'c1', date: '2026-01-05', source: 'review' as const, rating: 2, language: 'zh' as const }
    await fresh.insertInto('feedback').values(['贵', '价格', '太贵', '不贵的价格合理', 'UX', 'ok'].map((text) => ({ ...row, text }))).execute()
    const catalog = await loadDataCatalog(fresh)
    const d: ToolDeps = { db: fresh, catalog, churn: { kind: 'subscription' }, grossMargin: 0.8 }
    const all = { from: '2000-01-01', to: '2100-01-01', label: 'all time' } as never
    const texts = async (terms: string[]) => (await searchFeedbackRows(d, { terms, period: all, plan: resolveSegments(catalog, [], {}), limit: 50 })).hits.map((h) => h.text).sort()
    expect(await texts(['贵'])).toEqual(['不贵的价格合理', '太贵', '贵'])
    expect(await texts(['价格'])).toEqual(['不贵的价格合理', '价格'])
    expect(await texts(['ux'])).toEqual(['UX'])
    expect(await texts(['k'])).toEqual(['ok'])
    expect(await texts(['zz'])).toEqual([])
    await fresh.destroy()
  })
})

describe('stored reason categories', () => {
  it('the seed stores every feedback text with the category the classifier gives it', async () => {
    const rows = await db.selectFrom('feedback as f').leftJoin('feedback_reasons as r', 'r.feedback_id', 'f.id').select(['f.text', 'r.reason_id']).execute()
    expect(rows.length).toBeGreaterThan(5000)
    const wrong = rows.filter((r) => r.reason_id !== classifyReason(r.text).id)
    expect(wrong).toEqual([])
  })

  it('storeReasonCategories fills only missing rows, and an edited text loses its stale category', async () => {
    const fresh = await openDatabase(':memory:')
    const row = { customer_id: 'c1', date: '2026-01-05', source: 'review' as const, rating: 2, language: 'en' as const }
    await fresh.insertInto('feedback').values([{ ...row, text: 'Too expensive for us' }, { ...row, text: '客服响应太慢' }]).execute()
    expect(await storeReasonCategories(fresh)).toBe(2)
    expect(await storeReasonCategories(fresh)).toBe(0)
    await fresh.updateTable('feedback').set({ text: 'The app crashes daily' }).where('id', '=', 1).execute()
    expect(await storeReasonCategories(fresh)).toBe(1)
    const stored = await fresh.selectFrom('feedback_reasons').select(['feedback_id', 'reason_id']).orderBy('feedback_id').execute()
    expect(stored).toEqual([
      { feedback_id: 1, reason_id: classifyReason('The app crashes daily').id },
      { feedback_id: 2, reason_id: classifyReason('客服响应太慢').id },
    ])
    expect(stored.map((s) => s.reason_id)).toEqual(['product_quality', 'support'])
    await fresh.destroy()
  })
})
