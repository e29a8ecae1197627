import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Miniflare } from 'miniflare'
import { Migrator } from 'kysely/migration'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signWidgetToken } from '../../src/auth/widget-token.js'
import { openD1, type D1DatabaseLike } from '../../src/db/dialects/d1-dialect.js'
import { migrationProvider } from '../../src/db/migrations/index.js'
import { openDatabase } from '../../src/db/open-database.js'
import { generateSampleCompany } from '../../src/db/sample/generate-sample-company.js'
import { buildWorker } from '../../scripts/build-worker.js'
import { testApp } from '../helpers/test-app.js'

// The Workers build of the app, run locally by Miniflare (workerd) over a D1 database holding a
// small sample company; its answers must equal the Node server's on the same rows in SQLite.
const root = resolve(import.meta.dirname, '../..')
const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8')
const compatibilityDate = /compatibility_date\s*=\s*"([^"]+)"/.exec(toml)![1]
const SECRET = 'worker-smoke-test-secret-0123456789'
const CUSTOMERS = 100

let mf: Miniflare
let ask: (question: string, token?: string) => Promise<{ status: number; body: { answer?: string; error?: { code: string } } }>
let token: string
let nodeAnswer: (question: string) => Promise<string>

beforeAll(async () => {
  const dir = join(root, 'test-artifacts/worker')
  mkdirSync(dir, { recursive: true })
  const script = await buildWorker(join(dir, 'worker.js'))
  mf = new Miniflare({
    modules: true,
    scriptPath: script,
    compatibilityDate,
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: { DB: 'churn-insight-test' },
    bindings: { WIDGET_SECRET: SECRET, LOG_LEVEL: 'silent', MODEL: 'offline' },
  })
  // Schema and sample rows go in through the same Kysely D1 dialect the Worker uses.
  const db = openD1((await mf.getD1Database('DB')) as unknown as D1DatabaseLike)
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest()
  if (error) throw error
  await generateSampleCompany(db, { customers: CUSTOMERS })
  // The oracle: the Node server over SQLite with the same generated rows.
  const lite = await openDatabase(':memory:')
  await generateSampleCompany(lite, { customers: CUSTOMERS })
  const { app } = await testApp(lite)
  nodeAnswer = async (question) => {
    const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
    return ((await res.json()) as { answer: string }).answer
  }
  token = await signWidgetToken({ secret: SECRET, audience: 'churn-insight', sub: 'worker-test', minutes: 10 })
  ask = async (question, bearer = token) => {
    const res = await mf.dispatchFetch('http://localhost/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ question }),
    })
    return { status: res.status, body: (await res.json()) as { answer?: string; error?: { code: string } } }
  }
}, 180_000)

afterAll(async () => {
  await mf?.dispose()
})

describe('Cloudflare Workers build over D1 (Miniflare)', () => {
  it('answers an English and a Chinese question exactly as the Node server does on the same data', async () => {
    for (const question of ['What was our churn rate last quarter by plan?', '上个季度各地区的流失率是多少？']) {
      const r = await ask(question)
      expect(r.status).toBe(200)
      expect(r.body.answer).toMatch(/\d/)
      expect(r.body.answer).toBe(await nodeAnswer(question))
    }
  })

  it('searches feedback (FTS5 trigram index on D1) and explains churn like the Node server', async () => {
    for (const question of ['客户对价格有什么反馈？', 'Why did customers churn last year?']) {
      const r = await ask(question)
      expect(r.status).toBe(200)
      expect(r.body.answer).toMatch(/\d/)
      expect(r.body.answer).toBe(await nodeAnswer(question))
    }
  })

  it('refuses /api/* without a valid token', async () => {
    const r = await ask('What was our churn rate last quarter?', 'a.b.c')
    expect(r.status).toBe(401)
    expect(r.body.error?.code).toBe('unauthorized')
  })
})
