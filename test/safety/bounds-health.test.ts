import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/db/open-database.js'
import { generateSampleCompany } from '../../src/db/sample/generate-sample-company.js'
import { tinyCompany } from '../fixtures/tiny-company.js'
import { testApp } from '../helpers/test-app.js'

const dir = join('test-artifacts', 'safety', `health-${process.pid}`)
const opened: Db[] = []
afterAll(async () => {
  for (const db of opened) await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

async function fileDb(name: string): Promise<Db> {
  mkdirSync(dir, { recursive: true })
  const db = await openDatabase(join(dir, name), { readers: 1 })
  opened.push(db)
  return db
}

const ask = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'What was churn last quarter?' }) }

describe('/healthz tells the truth', () => {
  it('is ok, fast, for a complete writable database', async () => {
    const { app } = await testApp(await tinyCompany())
    const res = await app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, model: 'offline', customers: 4 })
    const t = performance.now()
    for (let i = 0; i < 20; i++) await app.request('/healthz')
    expect((performance.now() - t) / 20).toBeLessThan(10)
  })

  it('is 503 "read_only" when the database refuses writes', async () => {
    const db = await fileDb('readonly.db')
    await generateSampleCompany(db, { customers: 50 })
    const { app } = await testApp(db)
    await sql`PRAGMA query_only = ON`.execute(db)
    const res = await app.request('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({
      ok: false, model: 'offline', customers: 50,
      problems: [{ code: 'read_only', message: 'The database is read-only: answers and conversations cannot be saved.' }],
    })
    await sql`PRAGMA query_only = OFF`.execute(db)
  })

  it('is 503 "disk_full" when the write probe cannot get space', async () => {
    const db = await fileDb('full.db')
    await generateSampleCompany(db, { customers: 50 })
    const { app } = await testApp(db)
    // The database may not grow by one page: the probe's 8 KB row needs new pages, like on a full disk.
    const pages = await sql<{ page_count: number }>`PRAGMA page_count`.execute(db)
    await sql.raw(`PRAGMA max_page_count = ${pages.rows[0].page_count}`).execute(db)
    const res = await app.request('/healthz')
    expect(res.status).toBe(503)
    expect((await res.json()).problems).toEqual([{ code: 'disk_full', message: 'The disk holding the database is full: answers and conversations cannot be saved.' }])
  })

  it('is 503 "no_as_of" for customers without an as-of date, and /api refuses questions with the same reason', async () => {
    const db = await tinyCompany()
    await db.deleteFrom('meta').where('key', '=', 'as_of').execute()
    const { app } = await testApp(db)
    const res = await app.request('/healthz')
    expect(res.status).toBe(503)
    const message = 'The data has no as-of date (its snapshot date), so periods cannot be placed: run `churn-insight seed --force` or the import again.'
    expect((await res.json()).problems).toEqual([{ code: 'no_as_of', message }])
    const answer = await app.request('/api/ask', ask)
    expect(answer.status).toBe(503)
    expect(await answer.json()).toEqual({ error: { code: 'unavailable', message, details: { problems: ['no_as_of'] } } })
  })

  it('a seed killed part-way leaves a database marked unfinished that the server will not serve', async () => {
    const db = await fileDb('killed-seed.db')
    // Simulates the kill: the first chunk (2,000 customers) commits, then the process dies before the end.
    const stop = new Error('killed')
    await expect(
      generateSampleCompany(db, {
        customers: 5000,
        onProgress: (_phase, done) => {
          if (done >= 2000) throw stop
        },
      }),
    ).rejects.toBe(stop)
    expect(Number((await sql<{ n: number }>`select count(*) as n from customers`.execute(db)).rows[0].n)).toBe(2000)
    const { app } = await testApp(db)
    const res = await app.request('/healthz')
    expect(res.status).toBe(503)
    expect((await res.json()).problems.map((p: { code: string }) => p.code)).toEqual(['unfinished_load', 'no_as_of'])
    const answer = await app.request('/api/ask', ask)
    expect(answer.status).toBe(503)
    expect((await answer.json()).error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^The last seed or import did not finish/) })
  })

  it('a finished seed is marked complete and served', async () => {
    const db = await fileDb('complete.db')
    await generateSampleCompany(db, { customers: 50 })
    expect((await db.selectFrom('meta').select('value').where('key', '=', 'load_state').executeTakeFirst())?.value).toBe('complete')
    const { app } = await testApp(db)
    expect((await app.request('/healthz')).status).toBe(200)
    expect((await app.request('/api/ask', ask)).status).toBe(200)
  })
})
