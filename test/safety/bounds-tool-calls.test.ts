import type { LanguageModelV4 } from '@ai-sdk/provider'
import { generateText, isStepCount } from 'ai'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { createTools } from '../../src/tools/index.js'
import { limitToolCalls } from '../../src/tools/limit-tool-calls.js'
import { queryMetric, type QueryMetricInput } from '../../src/tools/query-metric.js'
import type { ToolDeps } from '../../src/tools/tool-deps.js'
import { tinyCompany } from '../fixtures/tiny-company.js'

let deps: ToolDeps
beforeAll(async () => {
  const db = await tinyCompany()
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
})

const usage = { inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 0, text: 0, reasoning: undefined } }
const call = { metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' } }

/** A model that asks for `perStep` query_metric calls in each of `steps` steps, then answers. */
function greedyModel(perStep: number, steps: number): LanguageModelV4 & { calls: number } {
  const model = {
    specificationVersion: 'v4' as const, provider: 'greedy', modelId: 'greedy', supportedUrls: {}, calls: 0,
    async doGenerate() {
      if (model.calls++ >= steps) return { content: [{ type: 'text' as const, text: 'done' }], finishReason: { unified: 'stop' as const, raw: 'stop' }, usage, warnings: [] }
      const content = Array.from({ length: perStep }, (_, i) => ({ type: 'tool-call' as const, toolCallId: `c${model.calls}_${i}`, toolName: 'query_metric', input: JSON.stringify(call) }))
      return { content, finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' }, usage, warnings: [] }
    },
    async doStream(): Promise<never> {
      throw new Error('not used')
    },
  }
  return model
}

const isRefusal = (o: unknown) => (o as { error?: { code?: string } }).error?.code === 'too_many_tool_calls'

describe('tool calls are capped per step and per turn', () => {
  it('50 tool calls in one step: 8 run, 42 are refused as data, and the turn ends within 2 s', async () => {
    const limited = limitToolCalls(createTools(deps), { perStep: 8, perTurn: 20 })
    const t = performance.now()
    const r = await generateText({ prompt: 'How many churned?', model: greedyModel(50, 1), tools: limited.tools, stopWhen: [isStepCount(8), limited.budgetSpent] })
    expect(performance.now() - t).toBeLessThan(2000)
    const outputs = r.steps[0].toolResults.map((x) => x.output)
    expect(outputs).toHaveLength(50)
    expect(outputs.filter((o) => !isRefusal(o))).toHaveLength(8)
    // The ones that ran answered like a direct call.
    const direct = await queryMetric(deps, call as QueryMetricInput)
    expect(outputs.filter((o) => !isRefusal(o)).map((o) => (o as { headline?: unknown }).headline)).toEqual(Array(8).fill((direct as { headline?: unknown }).headline))
    expect((direct as { headline?: unknown }).headline).toBeDefined()
    expect(outputs.filter(isRefusal)).toHaveLength(42)
    expect(outputs.find(isRefusal)).toEqual({ error: { code: 'too_many_tool_calls', message: 'Not run: the limit is at most 8 tool calls per step. Answer with the results you already have.' } })
    expect(limited.refused()).toBe(42)
    expect(r.text).toBe('done')
  })

  it('8 calls a step for 5 steps: the turn stops after 20 calls have run', async () => {
    const limited = limitToolCalls(createTools(deps), { perStep: 8, perTurn: 20 })
    const model = greedyModel(8, 5)
    const r = await generateText({ prompt: 'How many churned?', model, tools: limited.tools, stopWhen: [isStepCount(8), limited.budgetSpent] })
    const ran = r.steps.map((s) => s.toolResults.filter((x) => !isRefusal(x.output)).length)
    expect(ran).toEqual([8, 8, 4])
    expect(r.steps[2].toolResults.filter((x) => isRefusal(x.output)).map((x) => x.output)).toEqual(
      Array(4).fill({ error: { code: 'too_many_tool_calls', message: 'Not run: the limit is at most 20 tool calls per question. Answer with the results you already have.' } }),
    )
    expect(limited.budgetSpent()).toBe(true)
    expect(model.calls).toBe(3)
  })

  it('each turn gets its own budget', async () => {
    const tools = createTools(deps)
    for (let turn = 0; turn < 2; turn++) {
      const limited = limitToolCalls(tools, { perStep: 2, perTurn: 3 })
      const r = await generateText({ prompt: 'How many churned?', model: greedyModel(2, 1), tools: limited.tools, stopWhen: [isStepCount(8), limited.budgetSpent] })
      expect(r.steps[0].toolResults.filter((x) => !isRefusal(x.output))).toHaveLength(2)
    }
  })
})
