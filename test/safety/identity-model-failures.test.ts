import { serve } from '@hono/node-server'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import { readAudit } from '../../src/audit/audit-log.js'
import { ask } from '../../src/chat/ask.js'
import { localPrincipal } from '../../src/auth/principal.js'
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai-server.js'
import { scriptedModel } from '../helpers/test-app.js'
import { tinyCompany } from '../fixtures/tiny-company.js'
import { postAs, secureApp, streamedText, tokenFor, uiEvents } from './identity-helpers.js'

// Issue 12, findings 4 and 5: provider errors never reach users; a failing, hanging or dead
// provider gives an offline answer within a bounded time; a client that leaves cancels the call.

const KEY = 'sk-live-Abc123SECRETkey456789'
const LEAK = `Incorrect API key provided: ${KEY}. Upstream llm-gateway.internal:8443 refused.`
const FALLBACK = '(The AI model could not answer just now, so the built-in offline analyst answered.)'
const FALLBACK_ZH = '（AI 模型暂时无法回答，以下由内置的离线分析器回答。）'
const question = 'What was the churn rate in Q1 2026?'

let fake: FakeOpenAI
beforeAll(async () => {
  fake = await startFakeOpenAI()
})
afterAll(async () => {
  await fake.close()
})
afterEach(() => fake.reset())

const env = (url: string, timeout = '1500') => ({ MODEL: 'openai:gpt-test', OPENAI_BASE_URL: `${url}/v1`, OPENAI_API: 'chat', OPENAI_API_KEY: KEY, MODEL_TIMEOUT_MS: timeout })

/** A port nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const { port } = s.address() as AddressInfo
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

function expectNoLeak(text: string) {
  expect(text).not.toContain(KEY)
  expect(text).not.toContain('Incorrect API key')
  expect(text).not.toContain('llm-gateway.internal')
  expect(text).not.toContain('8443')
}

describe('a provider that fails (HTTP 500 echoing the API key)', () => {
  it('/api/ask answers 200 from the offline analyst, says so, and leaks nothing; the log has the details with the key redacted', async () => {
    const { app, logged, deps } = await secureApp(await tinyCompany(), undefined, env(fake.url, '10000'))
    fake.script({ status: 500, message: LEAK }, { status: 500, message: LEAK })
    const res = await app.request('/api/ask', postAs(await tokenFor('alice'), { question }))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.model).toBe('offline')
    expect(body.answer.startsWith(`${FALLBACK}\n\n`)).toBe(true)
    expect(body.answer).toContain('Customer churn rate')
    expect(body.toolCalls.map((t: { name: string }) => t.name)).toEqual(['query_metric'])
    expectNoLeak(JSON.stringify(body))
    // one retry, then the fallback
    expect(fake.requests).toHaveLength(2)
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^\[ref [0-9a-f]{10}\] model openai-compatible:gpt-test failed or timed out; the offline analyst answers: /)
    expect(logged[0]).toContain('Incorrect API key provided: [redacted]')
    expect(logged[0]).not.toContain(KEY)
    const [row] = await readAudit(deps.db, { since: new Date(0) })
    expect(row).toMatchObject({ principal: 'widget:alice', surface: 'api', model: 'offline', outcome: 'fallback' })
  })

  it('/api/chat streams the offline answer after a notice, with no error event and no provider text', async () => {
    const { app, logged } = await secureApp(await tinyCompany(), undefined, env(fake.url, '10000'))
    fake.script({ status: 500, message: LEAK }, { status: 500, message: LEAK })
    // nothing may bypass the redacting log (the AI SDK prints stream errors to the console by default)
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    onTestFinished(() => consoleError.mockRestore())
    const res = await app.request('/api/chat', postAs(await tokenFor('alice'), { messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: '2026年第一季度的流失率是多少？' }] }] }))
    expect(res.status).toBe(200)
    const raw = await res.clone().text()
    expectNoLeak(raw)
    const events = await uiEvents(res)
    expect(events.filter((e) => e.type === 'error')).toEqual([])
    const text = streamedText(events)
    expect(text.startsWith(`${FALLBACK_ZH}\n\n`)).toBe(true)
    expect(text).toContain('客户流失率')
    expect(events.filter((e) => e.type === 'tool-output-available')).toHaveLength(1)
    expect(events.at(-1).type).toBe('finish')
    expect(logged.join('\n')).toContain('[redacted]')
    expect(logged.join('\n')).not.toContain(KEY)
    expect(consoleError).not.toHaveBeenCalled()
  })
})

describe('a provider that hangs', () => {
  it('gives the offline answer once MODEL_TIMEOUT_MS has passed, not after the provider', async () => {
    const { app } = await secureApp(await tinyCompany(), undefined, env(fake.url, '1000'))
    fake.script({ hang: true }, { hang: true })
    const started = performance.now()
    const res = await app.request('/api/ask', postAs(await tokenFor('alice'), { question }))
    const ms = performance.now() - started
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.model).toBe('offline')
    expect(body.answer.startsWith(FALLBACK)).toBe(true)
    // the timeout aborts the call: one request, no retry, and the connection is closed
    expect(fake.requests).toHaveLength(1)
    expect(ms).toBeGreaterThanOrEqual(950)
    expect(ms).toBeLessThan(4000)
    await expect.poll(() => fake.hungUp()).toBe(1)
  })
})

describe('a dead provider (nothing listens on its port)', () => {
  it('answers offline within seconds; the answer names no host or port', async () => {
    const port = await deadPort()
    const { app, logged } = await secureApp(await tinyCompany(), undefined, { ...env('http://127.0.0.1:' + port) })
    const started = performance.now()
    const res = await app.request('/api/ask', postAs(await tokenFor('alice'), { question }))
    const ms = performance.now() - started
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.model).toBe('offline')
    expect(JSON.stringify(body)).not.toContain(String(port))
    expect(JSON.stringify(body)).not.toContain('ECONNREFUSED')
    expect(ms).toBeLessThan(5000)
    expect(logged[0]).toContain('offline analyst answers')
  })
})

describe('a client that goes away', () => {
  it('aborts the model call: the provider sees its request closed, and the audit says aborted', async () => {
    const { app, deps } = await secureApp(await tinyCompany(), undefined, env(fake.url, '60000'))
    fake.script({ hang: true })
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())))
    const { port } = server.address() as AddressInfo
    try {
      const controller = new AbortController()
      const pending = fetch(`http://127.0.0.1:${port}/api/ask`, { ...postAs(await tokenFor('bob'), { question }), signal: controller.signal }).catch((e) => e)
      await expect.poll(() => fake.requests.length, { timeout: 5000 }).toBe(1)
      controller.abort()
      expect(((await pending) as Error).name).toBe('AbortError')
      // cancellation travelled request → turn → AI SDK → provider socket, well before MODEL_TIMEOUT_MS
      await expect.poll(() => fake.hungUp(), { timeout: 5000 }).toBe(1)
      await expect.poll(async () => (await readAudit(deps.db, { since: new Date(0) })).map((r) => r.outcome), { timeout: 5000 }).toEqual(['aborted'])
      // no second (fallback) answer was computed for nobody
      expect(fake.requests).toHaveLength(1)
    } finally {
      ;(server as import('node:http').Server).closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})

describe('a client that leaves a stream', () => {
  it('aborts the streaming model call too, and no fallback runs for nobody', async () => {
    const { app, deps } = await secureApp(await tinyCompany(), undefined, env(fake.url, '60000'))
    fake.script({ hang: true })
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())))
    const { port } = server.address() as AddressInfo
    try {
      const controller = new AbortController()
      const res = await fetch(`http://127.0.0.1:${port}/api/chat`, { ...postAs(await tokenFor('carol'), { messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: question }] }] }), signal: controller.signal })
      expect(res.status).toBe(200)
      await expect.poll(() => fake.requests.length, { timeout: 5000 }).toBe(1)
      controller.abort()
      await expect.poll(() => fake.hungUp(), { timeout: 5000 }).toBe(1)
      await expect.poll(async () => (await readAudit(deps.db, { since: new Date(0) })).map((r) => r.outcome), { timeout: 5000 }).toEqual(['aborted'])
      expect(fake.requests).toHaveLength(1)
      expect(await deps.db.selectFrom('answers').select('id').execute()).toEqual([])
    } finally {
      ;(server as import('node:http').Server).closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    }
  })
})

describe('when the fallback fails too', () => {
  it('the caller gets a short message in the question\'s language with a reference; the log has the details under it', async () => {
    const failing = scriptedModel([{ text: 'unused' }])
    failing.doGenerate = async () => { throw new Error(`401 ${LEAK}`) }
    const { deps, logged } = await secureApp(await tinyCompany(), failing)
    deps.chat.fallbackModel = failing
    const err = await ask(deps.chat, { question: '上个季度的流失率是多少？', principal: localPrincipal }).catch((e) => e)
    expect(err).toMatchObject({ code: 'answer_failed', status: 500 })
    expect(err.message).toBe(`服务器未能完成回答。请重试；如果仍然失败，请把参考编号 ${err.ref} 告诉管理员。`)
    expect(err.ref).toMatch(/^[0-9a-f]{10}$/)
    const lines = logged.filter((l) => l.startsWith(`[ref ${err.ref}]`))
    expect(lines).toHaveLength(2)
    expect(lines.join('\n')).toContain('Incorrect API key provided: [redacted]')
    expect(lines.join('\n')).not.toContain(KEY)
  })
})

describe('when the fallback fails too, while streaming', () => {
  it('the stream ends with one error event: the short message with a reference, nothing else', async () => {
    const failing = scriptedModel([{ text: 'unused' }])
    failing.doStream = async () => { throw new Error(`401 ${LEAK}`) }
    const { app, deps, logged } = await secureApp(await tinyCompany(), failing)
    deps.chat.fallbackModel = failing
    const res = await app.request('/api/chat', postAs(await tokenFor('dan'), { messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: question }] }] }))
    const raw = await res.clone().text()
    expectNoLeak(raw)
    const errors = (await uiEvents(res)).filter((e) => e.type === 'error')
    expect(errors).toHaveLength(1)
    const ref = /reference ([0-9a-f]{10})\.$/.exec(errors[0].errorText)?.[1]
    expect(errors[0].errorText).toBe(`The answer failed on the server. Please try again; if it keeps failing, give an administrator the reference ${ref}.`)
    await expect.poll(() => logged.filter((l) => l.startsWith(`[ref ${ref}]`)).length).toBe(2)
    expect(logged.join('\n')).not.toContain(KEY)
  })
})

describe('a query that fails inside a tool (SqliteError)', () => {
  it('the offline answer says the query failed with a reference, never the SQLite message; the log has it', async () => {
    const db = await tinyCompany()
    const { app, logged } = await secureApp(db)
    await db.schema.dropTable('subscriptions').execute()
    const res = await app.request('/api/ask', postAs(await tokenFor('alice'), { question }))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.answer).toMatch(/The query failed on the server \(reference [0-9a-f]{10}\)\./)
    expect(JSON.stringify(body)).not.toMatch(/sqlite|no such table/i)
    expect(logged.join('\n')).toMatch(/tool query_metric failed: SqliteError: no such table: subscriptions/)
  })
})

describe('an unexpected error outside the chat (a broken table under /api/metrics)', () => {
  it('is a 500 with a reference and no SQLite text; the log has the details under that reference', async () => {
    const db = await tinyCompany()
    const { app, logged } = await secureApp(db)
    await db.schema.dropTable('subscriptions').execute()
    const res = await app.request('/api/metrics/churned_customers', { headers: { authorization: `Bearer ${await tokenFor('alice')}` } })
    expect(res.status).toBe(500)
    const body = await res.json()
    expect(body).toEqual({ error: { code: 'internal', message: `Something went wrong on the server (reference ${body.error.ref}).`, ref: body.error.ref } })
    expect(body.error.ref).toMatch(/^[0-9a-f]{10}$/)
    expect(logged.find((l) => l.startsWith(`[ref ${body.error.ref}] GET /api/metrics/churned_customers failed: SqliteError: no such table: subscriptions`))).toBeDefined()
  })
})
