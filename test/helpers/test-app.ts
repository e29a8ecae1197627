import type { LanguageModelV4 } from '@ai-sdk/provider'
import { createApp } from '../../src/app.js'
import { buildAppDeps, type AppDeps } from '../../src/app-deps.js'
import { loadConfig } from '../../src/config.js'
import type { Db } from '../../src/db/open-database.js'

/** Builds the app over a test database, with the given model (default: the configured offline one). */
export async function testApp(db: Db, model?: LanguageModelV4, env: Record<string, string> = {}): Promise<{ app: ReturnType<typeof createApp>; deps: AppDeps }> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env })
  const deps = await buildAppDeps(config, db, model ? { model, name: `test:${model.modelId}` } : undefined)
  return { app: createApp(deps), deps }
}

const usage = { inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 0, text: 0, reasoning: undefined } }

/** A scripted model: each call returns the next step (a tool call or text), after checking what it was sent. */
export function scriptedModel(steps: Array<{ tool: string; input: unknown } | { text: string }>, seen: unknown[][] = []): LanguageModelV4 {
  let i = 0
  const next = (prompt: unknown[]) => {
    seen.push(prompt)
    const s = steps[Math.min(i++, steps.length - 1)]
    return 'text' in s
      ? { content: [{ type: 'text' as const, text: s.text }], finishReason: { unified: 'stop' as const, raw: 'stop' }, usage, warnings: [] }
      : { content: [{ type: 'tool-call' as const, toolCallId: `call_${i}`, toolName: s.tool, input: JSON.stringify(s.input) }], finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' }, usage, warnings: [] }
  }
  return {
    specificationVersion: 'v4', provider: 'scripted', modelId: 'scripted', supportedUrls: {},
    async doGenerate(opts) { return next(opts.prompt) },
    async doStream(opts) {
      const r = next(opts.prompt)
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
