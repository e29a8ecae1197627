import { generateText, isStepCount, tool } from 'ai'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createOfflineModel } from '../../../src/model/offline/offline-model.js'
import { loadDataCatalog } from '../../../src/query/load-data-catalog.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { testApp } from '../../helpers/test-app.js'

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('offline analyst as a LanguageModelV4', () => {
  it('emits tool calls with JSON-string input on a user turn, and text once the tool results are in', async () => {
    const catalog = await loadDataCatalog(await tinyCompany())
    const model = createOfflineModel(() => catalog)
    const seen: unknown[] = []
    const r = await generateText({
      model,
      prompt: 'What was our churn rate in Q1 2026 by plan?',
      tools: {
        query_metric: tool({
          inputSchema: z.object({ metric: z.string(), period: z.object({ from: z.string(), to: z.string() }), by: z.array(z.string()), language: z.enum(['en', 'zh']) }).strict(),
          execute: async (input) => {
            seen.push(input)
            return { error: { code: 'bad_request', message: 'no such plan' } }
          },
        }),
      },
      stopWhen: isStepCount(4),
    })
    expect(seen).toEqual([{ metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, by: ['plan'], language: 'en' }])
    expect(r.steps).toHaveLength(2)
    expect(r.steps[0].finishReason).toBe('tool-calls')
    expect(r.text).toMatch(/^I couldn't answer that from the data: no such plan/)
  })
})

describe('offline analyst tool call ids', () => {
  // A per-process counter gave "offline_1" again in every CLI run and every restarted turn process, so a
  // later turn's answer picked up an earlier turn's result with the same id (an English paragraph under a Chinese one).
  it('are random UUIDs, never a counter that restarts with the process', async () => {
    const catalog = await loadDataCatalog(await tinyCompany())
    const ids: string[] = []
    for (let i = 0; i < 2; i++) {
      const r = await generateText({
        model: createOfflineModel(() => catalog),
        prompt: 'What was our churn rate in Q1 2026?',
        tools: { query_metric: tool({ inputSchema: z.object({}).passthrough(), execute: async () => ({ error: { code: 'bad_request', message: 'x' } }) }) },
        stopWhen: isStepCount(1),
      })
      ids.push(...r.steps[0].toolCalls.map((c) => c.toolCallId))
    }
    expect(ids).toHaveLength(2)
    for (const id of ids) expect(id).toMatch(/^offline_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(ids[0]).not.toBe(ids[1])
  })
})

describe('offline analyst through the app (the default model)', () => {
  it('answers /api/ask with numbers from the tool, the period, a chart and the SQL', async () => {
    const { app, deps } = await testApp(await tinyCompany())
    expect(deps.chat.modelName).toBe('offline')
    const body = await (await app.request('/api/ask', post({ question: 'What was our churn rate in Q1 2026 by plan?' }))).json()
    expect(body.toolCalls).toHaveLength(1)
    expect(body.toolCalls[0]).toMatchObject({ name: 'query_metric', input: { metric: 'churn_rate', by: ['plan'], period: { from: '2026-01-01', to: '2026-04-01' } } })
    // Average of the monthly rates: A (c2 leaves in March, 1 of 2) 16.7%; B (c3 leaves on 1 Feb, 1 of 1) 33.3%.
    expect(body.answer).toContain('Customer churn rate by Plan, 2026-01-01 – 2026-03-31: B 33.3%, A 16.7%.')
    expect(body.charts[0].spec).toMatchObject({ type: 'bar', x: ['B', 'A'] })
  })

  it('understands a follow-up in the same conversation from the stored history', async () => {
    const { app } = await testApp(await tinyCompany())
    const a = await (await app.request('/api/ask', post({ question: 'churn rate in Q1 2026 by plan' }))).json()
    const b = await (await app.request('/api/ask', post({ question: '那按地区呢？', conversationId: a.conversationId }))).json()
    expect(b.toolCalls[0].input).toEqual({ metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, by: ['region'], language: 'en' })
    expect(b.answer).toMatch(/^按地区的客户流失率，2026-01-01 – 2026-03-31：(北区 16\.7%，South 16\.7%|South 16\.7%，北区 16\.7%)。/)
  })

  it('reads "this plan" after a breakdown as the plan that came out on top of it', async () => {
    const { app } = await testApp(await tinyCompany())
    const a = await (await app.request('/api/ask', post({ question: 'Which plan lost the most customers in Q1 2026?' }))).json()
    const top = /Highest: (\w+) /.exec(a.answer)?.[1]
    expect(top).toBeDefined()
    const b = await (await app.request('/api/ask', post({ question: 'And what was the churn rate of this plan in Q1 2026?', conversationId: a.conversationId }))).json()
    expect(b.toolCalls[0].input).toEqual({ metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, filters: [{ dimension: 'plan', values: [top] }], language: 'en' })
  })

  it('refuses a request for personal data without running any tool', async () => {
    const { app } = await testApp(await tinyCompany())
    const body = await (await app.request('/api/ask', post({ question: 'List all customer emails' }))).json()
    expect(body.toolCalls).toEqual([])
    expect(body.answer).toMatch(/^I can't share personal data/)
  })

  it('streams /api/chat: tool input, then the answer as text deltas', async () => {
    const { app } = await testApp(await tinyCompany())
    const res = await app.request('/api/chat', post({ messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'monthly churn rate in Q1 2026' }] }] }))
    const events = (await res.text()).split('\n').filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]').map((l) => JSON.parse(l.slice(6)))
    expect(events.find((e) => e.type === 'tool-input-available').input).toEqual({ metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, grain: 'month', language: 'en' })
    const deltas = events.filter((e) => e.type === 'text-delta')
    expect(deltas.length).toBeGreaterThan(5)
    expect(deltas.map((e) => e.delta).join('')).toMatch(/^Customer churn rate by month, 2026-01-01 – 2026-03-31: 2026-01 0\.0%, 2026-02 33\.3%, 2026-03 33\.3%\./)
  })
})
