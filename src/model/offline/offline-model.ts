import type { LanguageModelV4 } from '@ai-sdk/provider'
import type { DataCatalog } from '../../query/data-catalog.js'

// TEMPORARY scaffold until the offline analyst lands (issue 4): calls describe_data, then says so.
const usage = { inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 0, text: 0, reasoning: undefined } }

/** The built-in offline analyst as an AI SDK language model. */
export function createOfflineModel(getCatalog: () => DataCatalog): LanguageModelV4 {
  void getCatalog
  const generate = async (opts: Parameters<LanguageModelV4['doGenerate']>[0]) => {
    const last = opts.prompt.at(-1)
    if (last?.role === 'tool') {
      return { content: [{ type: 'text' as const, text: 'The offline analyst is not built yet.' }], finishReason: { unified: 'stop' as const, raw: 'stop' }, usage, warnings: [] }
    }
    return {
      content: [{ type: 'tool-call' as const, toolCallId: `call_${Date.now()}`, toolName: 'describe_data', input: JSON.stringify({}) }],
      finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' }, usage, warnings: [],
    }
  }
  return {
    specificationVersion: 'v4', provider: 'offline', modelId: 'churn-analyst', supportedUrls: {},
    doGenerate: generate,
    async doStream(opts) {
      const r = await generate(opts)
      const parts: any[] = [{ type: 'stream-start', warnings: [] }]
      for (const c of r.content) {
        if (c.type === 'text') parts.push({ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: c.text }, { type: 'text-end', id: 't' })
        else parts.push(c)
      }
      parts.push({ type: 'finish', finishReason: r.finishReason, usage })
      return { stream: new ReadableStream({ start(ctrl) { for (const p of parts) ctrl.enqueue(p); ctrl.close() } }) }
    },
  }
}
