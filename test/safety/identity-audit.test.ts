import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readAudit, writeAudit } from '../../src/audit/audit-log.js'
import { RateLimiter } from '../../src/auth/rate-limit.js'
import { auditCommand, parseSince } from '../../src/cli/commands/audit.js'
import { tokensCommand } from '../../src/cli/commands/tokens.js'
import { openDatabase } from '../../src/db/open-database.js'
import { tinyCompany } from '../fixtures/tiny-company.js'
import { postAs, secureApp, tokenFor } from './identity-helpers.js'

// Issue 12: audit of every question, the audit and tokens commands, rate limits per principal.

describe('audit rows', () => {
  it('record principal, surface, scope, tools with SQL, rows and timings, model and outcome', async () => {
    const { app, deps } = await secureApp(await tinyCompany())
    await app.request('/api/ask', postAs(await tokenFor('alice', { region: ['North'] }), { question: 'What was the churn rate in Q1 2026 by plan?' }))
    await app.request('/api/ask', postAs(await tokenFor('bob'), { question: 'x', conversationId: 'not-mine' }))
    const rows = await readAudit(deps.db, { since: new Date(Date.now() - 60_000) })
    expect(rows.map((r) => [r.principal, r.surface, r.outcome, r.model])).toEqual([
      ['widget:alice', 'api', 'answered', 'offline'],
      ['widget:bob', 'api', 'not_found', 'offline'],
    ])
    const [a] = rows
    expect(a.scope).toEqual({ region: ['North'] })
    expect(a.question).toBe('What was the churn rate in Q1 2026 by plan?')
    expect(a.tools.map((t) => t.name)).toEqual(['query_metric'])
    expect(a.tools[0].rowCount).toBe(2)
    expect(a.tools[0].sql.join('\n')).toContain(`"c"."region" in ('North')`)
    expect(a.tools[0].ms).toBeGreaterThanOrEqual(0)
    expect(a.ms).toBeGreaterThanOrEqual(a.tools[0].ms)
    expect(a.ref).toMatch(/^[0-9a-f]{10}$/)
    expect(await readAudit(deps.db, { since: new Date(0), user: 'bob' })).toHaveLength(1)
  })
})

describe('rate limits per principal', () => {
  it('the token bucket allows perMinute at once, then says when the next one is free', () => {
    let now = 1_000_000
    const limiter = new RateLimiter(2, () => now)
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([{ ok: true }, { ok: true }, { ok: false, retryAfter: 30 }])
    expect(limiter.take('b')).toEqual({ ok: true })
    now += 29_000
    expect(limiter.take('a')).toEqual({ ok: false, retryAfter: 1 })
    now += 1_000
    expect(limiter.take('a')).toEqual({ ok: true })
  })

  it('HTTP: the third question in a minute is 429 with Retry-After, in the question\'s language; others are unaffected', async () => {
    const { app, deps } = await secureApp(await tinyCompany(), undefined, { RATE_LIMIT_PER_MINUTE: '2' })
    const alice = await tokenFor('alice')
    for (let i = 0; i < 2; i++) expect((await app.request('/api/ask', postAs(alice, { question: 'What was the churn rate in Q1 2026?' }))).status).toBe(200)
    const limited = await app.request('/api/ask', postAs(alice, { question: '上个季度的流失率是多少？' }))
    expect(limited.status).toBe(429)
    const wait = Number(limited.headers.get('retry-after'))
    expect(wait).toBeGreaterThanOrEqual(29)
    expect(wait).toBeLessThanOrEqual(30)
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: `提问太频繁，请 ${wait} 秒后再试。` } })
    const chat = await app.request('/api/chat', postAs(alice, { messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }))
    expect(chat.status).toBe(429)
    const metrics = await app.request('/api/metrics/churned_customers', { headers: { authorization: `Bearer ${alice}` } })
    expect(metrics.status).toBe(429)
    expect(metrics.headers.get('retry-after')).toMatch(/^(29|30)$/)
    expect((await app.request('/api/ask', postAs(await tokenFor('bob'), { question: 'What was the churn rate in Q1 2026?' }))).status).toBe(200)
    const outcomes = (await readAudit(deps.db, { since: new Date(0), user: 'alice' })).map((r) => r.outcome)
    expect(outcomes).toEqual(['answered', 'answered', 'rate_limited', 'rate_limited'])
  })
})

describe('CLI: audit and tokens', () => {
  let dir: string
  let logs: string[]
  const saved = { ...process.env }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ci-audit-'))
    process.env.DATABASE_URL = join(dir, 'audit.db')
    process.env.LOG_LEVEL = 'silent'
    logs = []
    vi.spyOn(console, 'log').mockImplementation((m: unknown) => void logs.push(String(m)))
    vi.spyOn(console, 'error').mockImplementation((m: unknown) => void logs.push(String(m)))
  })
  afterEach(() => {
    vi.restoreAllMocks()
    process.env = { ...saved }
    rmSync(dir, { recursive: true, force: true })
  })

  it('audit --since 1d --user X lists that principal\'s questions; rows older than AUDIT_DAYS are pruned', async () => {
    process.env.AUDIT_DAYS = '30'
    const db = await openDatabase(process.env.DATABASE_URL!)
    const day = 86_400_000
    const row = (principal: string, agoMs: number, question: string) => ({ ref: 'r' + question.length, principal, surface: 'api', conversationId: null, question, scope: null, tools: [{ name: 'query_metric', sql: ['select 1'], rowCount: 3, ms: 4 }], model: 'offline', outcome: 'answered' as const, ms: 12, at: new Date(Date.now() - agoMs).toISOString() })
    await writeAudit(db, row('widget:alice', 3600_000, 'churn by plan?'))
    await writeAudit(db, row('widget:bob', 3600_000, 'churn by region?'))
    await writeAudit(db, row('widget:alice', 3 * day, 'two days ago'))
    await writeAudit(db, row('widget:alice', 100 * day, 'a hundred days ago'))
    await db.destroy()

    expect(await auditCommand.run(['--since', '1d', '--user', 'alice'])).toBe(0)
    const table = logs.join('\n')
    expect(table).toContain('widget:alice')
    expect(table).toContain('query_metric(3)')
    expect(table).toContain('churn by plan?')
    expect(table).not.toContain('widget:bob')
    expect(table).not.toContain('two days ago')

    logs.length = 0
    expect(await auditCommand.run(['--since', '2w', '--json'])).toBe(0)
    expect(JSON.parse(logs.join('\n')).map((r: { question: string }) => r.question)).toEqual(['churn by plan?', 'churn by region?', 'two days ago'])
    const check = await openDatabase(process.env.DATABASE_URL!)
    expect((await readAudit(check, { since: new Date(0) })).map((r) => r.question)).not.toContain('a hundred days ago')
    await check.destroy()

    expect(await auditCommand.run(['--since', 'yesterday'])).toBe(2)
    expect(parseSince('12h', 1_000_000_000)).toEqual(new Date(1_000_000_000 - 12 * 3600_000))
  })

  it('tokens create prints the secret once; list shows names and scopes, never secrets; revoke works once', async () => {
    expect(await tokensCommand.run(['create', 'nightly-report', '--scope', '{"region":["APAC"]}'])).toBe(0)
    const token = logs.find((l) => l.startsWith('cit_'))!
    expect(token).toMatch(/^cit_[A-Za-z0-9_-]{43}$/)
    logs.length = 0
    expect(await tokensCommand.run(['list'])).toBe(0)
    expect(logs.join('\n')).toMatch(/nightly-report\s+region: APAC/)
    expect(logs.join('\n')).not.toContain(token)
    await expect(tokensCommand.run(['create', 'nightly-report'])).rejects.toMatchObject({ code: 'bad_request', message: 'A token named "nightly-report" exists already (revoke it, or choose another name)' })
    expect(await tokensCommand.run(['revoke', 'nightly-report'])).toBe(0)
    expect(await tokensCommand.run(['revoke', 'nightly-report'])).toBe(1)
    expect(await tokensCommand.run(['create', 'x', '--scope', 'APAC'])).toBe(2)
  })
})
