import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { buildAppDeps } from '../../src/app-deps.js'
import { TurnPool } from '../../src/chat/turn-pool/turn-pool.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase, type Db } from '../../src/db/open-database.js'
import { generateSampleCompany } from '../../src/db/sample/generate-sample-company.js'
import { postAs, SECRET, tokenFor } from '../safety/identity-helpers.js'

const dir = join('test-artifacts', 'turn-pool', String(process.pid))
const path = join(dir, 'sample.db')
const stuck = resolve('test/fixtures/stuck-turn-process.ts')
let db: Db
const pools: TurnPool[] = []

beforeAll(async () => {
  mkdirSync(dir, { recursive: true })
  db = await openDatabase(path, { readers: 0 })
  await generateSampleCompany(db, { customers: 300 })
}, 120_000)

afterAll(async () => {
  for (const p of pools) await p.close()
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

/** The app with auth on, answering /api/ask in a turn pool (real turn processes unless `entry`). */
async function pooledApp(opts: { entry?: string; turnTimeoutMs?: number; rate?: number } = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', WIDGET_SECRET: SECRET, DATABASE_URL: path, RATE_LIMIT_PER_MINUTE: String(opts.rate ?? 0) })
  const pool = new TurnPool({ config, size: 1, turnTimeoutMs: opts.turnTimeoutMs ?? 60_000, ...(opts.entry ? { entry: opts.entry } : {}) })
  pools.push(pool)
  const deps = await buildAppDeps(config, db, undefined, pool)
  const inProcess = await buildAppDeps(config, db)
  return { app: createApp(deps), direct: createApp(inProcess), pool }
}

describe('turn processes answer /api/ask off the event loop', () => {
  it('give the same answers as the in-process turn, in English and Chinese, and keep conversations owned', async () => {
    const { app, direct } = await pooledApp()
    const alice = await tokenFor('alice')
    const bob = await tokenFor('bob')
    for (const question of ['What was our churn rate last quarter by plan?', '上个季度各地区的流失率是多少？']) {
      const pooled = await app.request('/api/ask', postAs(alice, { question }))
      expect(pooled.status).toBe(200)
      const a = await pooled.json()
      const b = await (await direct.request('/api/ask', postAs(alice, { question }))).json()
      expect(a.answer).toBe(b.answer)
      expect(a.toolCalls).toEqual(b.toolCalls)
      expect(a.charts).toEqual(b.charts)
      expect(a.model).toBe('offline')
      // The conversation the process created is Alice's: she continues it, Bob gets 404.
      const more = await app.request('/api/ask', postAs(alice, { question: 'and by region?', conversationId: a.conversationId }))
      expect(more.status).toBe(200)
      expect((await more.json()).conversationId).toBe(a.conversationId)
      const other = await app.request('/api/ask', postAs(bob, { question: 'and by region?', conversationId: a.conversationId }))
      expect(other.status).toBe(404)
    }
  }, 120_000)

  it('charge the rate limit once, in the server: the third question in a minute is 429 with Retry-After', async () => {
    const { app } = await pooledApp({ entry: stuck, rate: 2 })
    const carol = await tokenFor('carol')
    for (let i = 0; i < 2; i++) expect((await app.request('/api/ask', postAs(carol, { question: `q${i}` }))).status).toBe(200)
    const third = await app.request('/api/ask', postAs(carol, { question: '第三个问题' }))
    expect(third.status).toBe(429)
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await third.json()).error.message).toMatch(/^提问太频繁/)
  }, 60_000)

  it('stop a turn over its time limit (503 in the question language), replace the process, and keep /healthz answering meanwhile', async () => {
    const { app, pool } = await pooledApp({ entry: stuck, turnTimeoutMs: 1500 })
    const token = await tokenFor('dave')
    const first = await (await app.request('/api/ask', postAs(token, { question: 'warm up' }))).json()
    const started = pool.started
    const hung = app.request('/api/ask', postAs(token, { question: '这个问题会 hang 住' }))
    // While the process is stuck, the server answers health checks at once.
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      expect((await app.request('/healthz')).status).toBe(200)
      expect(performance.now() - t).toBeLessThan(500)
    }
    const res = await hung
    expect(res.status).toBe(503)
    const body = await res.json()
    expect(body.error.code).toBe('query_timeout')
    expect(body.error.message).toMatch(/1\.5 秒/)
    const after = await (await app.request('/api/ask', postAs(token, { question: 'still there?' }))).json()
    expect(pool.started).toBe(started + 1)
    expect(after.answer).toMatch(/^echo: still there\?/)
    expect(after.answer).not.toBe(first.answer.replace('warm up', 'still there?'))
  }, 60_000)

  it('turn a crashed process into a short error with a reference, and pass a client abort on to the process', async () => {
    const { app, pool } = await pooledApp({ entry: stuck })
    const token = await tokenFor('erin')
    const crashed = await app.request('/api/ask', postAs(token, { question: 'please crash' }))
    expect(crashed.status).toBe(500)
    const body = await crashed.json()
    expect(body.error.code).toBe('answer_failed')
    expect(body.error.ref).toMatch(/^[0-9a-f]{10}$/)
    expect((await app.request('/api/ask', postAs(token, { question: 'next question' }))).status).toBe(200)
    const controller = new AbortController()
    const pending = pool.ask({ question: 'abort me', principal: { id: 'widget:erin', kind: 'widget' }, signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toThrow(/^aborted \d+$/)
    // Aborted while waiting for a process: it leaves the queue without one.
    const hanging = pool.ask({ question: 'hang', principal: { id: 'widget:erin', kind: 'widget' } })
    const queued = new AbortController()
    const waiting = pool.ask({ question: 'queued', principal: { id: 'widget:erin', kind: 'widget' }, signal: queued.signal })
    queued.abort(new Error('client went away'))
    await expect(waiting).rejects.toThrow('client went away')
    void hanging.catch(() => {})
  }, 60_000)
})
