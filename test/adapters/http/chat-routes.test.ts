import { describe, expect, it } from 'vitest'
import { loadAnswers } from '../../../src/chat/answer-store.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'

const q1 = { from: '2026-01-01', to: '2026-04-01' }
const post = (path: string, body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })

describe('POST /api/ask', () => {
  it('runs the tool loop and returns answer, chart, tool calls with SQL, and a conversation id', async () => {
    const model = scriptedModel([{ tool: 'query_metric', input: { metric: 'churn_rate', period: q1, by: ['plan'] } }, { text: 'Plan A 100%, plan B 100%.' }])
    const { app, deps } = await testApp(await tinyCompany(), model)
    const res = await app.request('/api/ask', post('/api/ask', { question: 'Churn by plan in Q1?' }))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.answer).toBe('Plan A 100%, plan B 100%.')
    expect(body.model).toBe('test:scripted')
    expect(body.toolCalls).toHaveLength(1)
    expect(body.toolCalls[0]).toMatchObject({ name: 'query_metric', rowCount: 2 })
    expect(body.toolCalls[0].sql[0]).toMatch(/"c"\."plan"/)
    expect(body.charts[0].spec).toMatchObject({ type: 'bar', x: ['B', 'A'], series: [{ values: [33.33, 16.67] }], unit: '%' })
    expect(body.charts[0].mermaid).toMatch(/^xychart-beta/)
    expect(body.conversationId).toMatch(/^[0-9a-f-]{36}$/)
    // the answer is stored with its provenance: the SQL that ran and the rows it rested on
    const [stored] = await loadAnswers(deps.db, body.conversationId)
    expect(stored).toMatchObject({ n: 1, question: 'Churn by plan in Q1?', answer: 'Plan A 100%, plan B 100%.', model: 'test:scripted' })
    expect(stored.toolCalls[0].sql).toEqual(body.toolCalls[0].sql)
    expect(stored.toolCalls[0].rows.map((r) => [r.plan, r.value])).toEqual([['A', 16.67], ['B', 33.33]])
    expect(stored.charts[0].spec.x).toEqual(['B', 'A'])
  })

  it('continues a conversation: the second call sees the first question and answer', async () => {
    const seen: unknown[][] = []
    const model = scriptedModel([{ text: 'first' }, { text: 'second' }], seen)
    const { app } = await testApp(await tinyCompany(), model)
    const a = await (await app.request('/api/ask', post('/api/ask', { question: 'one' }))).json()
    const b = await (await app.request('/api/ask', post('/api/ask', { question: 'two', conversationId: a.conversationId }))).json()
    expect(b.conversationId).toBe(a.conversationId)
    const roles = (seen[1] as Array<{ role: string }>).map((m) => m.role)
    expect(roles).toEqual(['system', 'user', 'assistant', 'user'])
  })

  it('rejects bad JSON, a missing question and an oversized one with {error:{code,message}}', async () => {
    const { app } = await testApp(await tinyCompany(), scriptedModel([{ text: 'x' }]))
    const bad = await app.request('/api/ask', post('/api/ask', '{not json'))
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toEqual({ code: 'bad_request', message: 'The request body must be valid JSON' })
    const missing = await app.request('/api/ask', post('/api/ask', {}))
    expect(missing.status).toBe(400)
    expect((await missing.json()).error.message).toMatch(/question/)
    const big = await app.request('/api/ask', post('/api/ask', { question: 'x'.repeat(2001) }))
    expect(big.status).toBe(413)
    expect((await big.json()).error.code).toBe('payload_too_large')
  })

  it('returns a tool miss to the model as data, not an HTTP error', async () => {
    const seen: unknown[][] = []
    const model = scriptedModel([{ tool: 'query_metric', input: { metric: 'churn_rate', filters: [{ dimension: 'plan', values: ['Platinum'] }] } }, { text: 'No such plan.' }], seen)
    const { app } = await testApp(await tinyCompany(), model)
    const body = await (await app.request('/api/ask', post('/api/ask', { question: 'platinum churn?' }))).json()
    expect(body.answer).toBe('No such plan.')
    expect(body.toolCalls[0].error).toMatch(/"Platinum" is not a value of Plan/)
    const toolMsg = (seen[1] as Array<{ role: string; content: Array<{ output: { value: { error: { code: string } } } }> }>).at(-1)!
    expect(toolMsg.role).toBe('tool')
    expect(toolMsg.content[0].output.value.error.code).toBe('unknown_value')
  })
})

describe('POST /api/chat (UI message stream)', () => {
  it('streams text, tool parts, and data-chart / data-provenance parts', async () => {
    const model = scriptedModel([{ tool: 'query_metric', input: { metric: 'churn_rate', period: q1, grain: 'month' } }, { text: 'Churn rose in February.' }])
    const { app } = await testApp(await tinyCompany(), model)
    const res = await app.request('/api/chat', post('/api/chat', { messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'monthly churn Q1' }] }] }))
    expect(res.status).toBe(200)
    expect(res.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1')
    const events = (await res.text()).split('\n').filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]').map((l) => JSON.parse(l.slice(6)))
    const types = events.map((e) => e.type)
    expect(types).toContain('tool-input-available')
    expect(types).toContain('tool-output-available')
    const chart = events.find((e) => e.type === 'data-chart')
    expect(chart.data.spec).toMatchObject({ type: 'line', x: ['2026-01', '2026-02', '2026-03'], series: [{ values: [0, 33.33, 33.33] }] })
    expect(events.find((e) => e.type === 'data-provenance').data.sql[0]).toMatch(/^with "spells"/)
    expect(events.filter((e) => e.type === 'text-delta').map((e) => e.delta).join('')).toBe('Churn rose in February.')
  })
})

describe('GET /api/metrics/:id', () => {
  it('returns the metric JSON and 400 listing valid ids for unknown metric or dimension', async () => {
    const { app } = await testApp(await tinyCompany(), scriptedModel([{ text: 'x' }]))
    const ok = await (await app.request('/api/metrics/churn_rate?from=2026-01-01&to=2026-04-01&by=plan')).json()
    expect(ok.rows.map((r: { segment: { plan: string }; value: number }) => [r.segment.plan, r.value])).toEqual([['A', 16.67], ['B', 33.33]])
    const um = await app.request('/api/metrics/happiness')
    expect(um.status).toBe(400)
    expect((await um.json()).error.message).toMatch(/Valid metrics: active_customers, new_customers/)
    const ud = await app.request('/api/metrics/churn_rate?by=colour')
    expect(ud.status).toBe(400)
    expect((await ud.json()).error).toMatchObject({ code: 'unknown_dimension' })
  })
})
