import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4Content, LanguageModelV4StreamPart } from '@ai-sdk/provider'
import type { DataCatalog } from '../../catalog/data-catalog.js'
import { composeAnswer } from './compose-answer.js'
import { currentOutcomes, latestQuestion, previousCalls, previousTop, type ToolOutcome } from './history.js'
import { detectLanguage } from './normalise.js'
import { planTools, unappliedTerms } from './plan-tools.js'

const usage = { inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 0, text: 0, reasoning: undefined } }

type Step = { content: LanguageModelV4Content[]; finishReason: { unified: 'stop' | 'tool-calls'; raw: string } }

/**
 * The built-in offline analyst as an AI SDK language model, so it runs through the same tool loop,
 * memory and adapters as an LLM. On a user turn it plans tool calls from the question (and the
 * previous turn's calls, for follow-ups); once the tools have answered, it writes the answer
 * from their results. It never states a number a tool did not return.
 */
export function createOfflineModel(getCatalog: () => DataCatalog): LanguageModelV4 {
  const step = (opts: LanguageModelV4CallOptions): Step => {
    const catalog = getCatalog()
    const question = latestQuestion(opts.prompt)
    const lang = detectLanguage(question)
    if (opts.prompt.at(-1)?.role === 'tool') {
      const outcomes = currentOutcomes(opts.prompt)
      const next = followUpStep(outcomes, lang)
      if (next.length) return toolCalls(next)
      // Feedback searches use the unmatched words as their keywords; risk tools read the question themselves.
      const ownWords = outcomes.some((o) => !['query_metric', 'compare_segments', 'churn_reasons', 'measure_summary'].includes(o.toolName))
      const unapplied = ownWords ? [] : unappliedTerms(question, catalog)
      const note = unapplied.length
        ? (lang === 'zh'
          ? `\n\n注意：问题里的${unapplied.map((w) => `“${w}”`).join('、')}在这份数据里找不到对应的字段或取值，上面的数字没有按它筛选。`
          : `\n\nNote: I could not apply ${unapplied.map((w) => `"${w}"`).join(', ')}: this data has no such field or value, so the figures above are not filtered by it.`)
        : ''
      return text(composeAnswer(outcomes, catalog, lang) + note)
    }
    const available = opts.tools ? new Set(opts.tools.map((t) => t.name)) : undefined
    const plan = planTools(question, { catalog, previous: previousCalls(opts.prompt), available, previousTop: previousTop(opts.prompt) })
    if ('text' in plan) return text(plan.text)
    return toolCalls(plan.calls)
  }
  return {
    specificationVersion: 'v4',
    provider: 'offline',
    modelId: 'churn-analyst',
    supportedUrls: {},
    async doGenerate(opts) {
      const s = step(opts)
      return { ...s, usage, warnings: [] }
    },
    async doStream(opts) {
      const s = step(opts)
      const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }]
      for (const c of s.content) {
        if (c.type === 'text') {
          parts.push({ type: 'text-start', id: 'answer' })
          for (const delta of chunks(c.text)) parts.push({ type: 'text-delta', id: 'answer', delta })
          parts.push({ type: 'text-end', id: 'answer' })
        } else if (c.type === 'tool-call') {
          parts.push({ type: 'tool-input-start', id: c.toolCallId, toolName: c.toolName })
          parts.push({ type: 'tool-input-delta', id: c.toolCallId, delta: c.input })
          parts.push({ type: 'tool-input-end', id: c.toolCallId })
          parts.push(c)
        }
      }
      parts.push({ type: 'finish', finishReason: s.finishReason, usage })
      return { stream: new ReadableStream({ start(ctrl) { for (const p of parts) ctrl.enqueue(p); ctrl.close() } }) }
    },
  }
}

function toolCalls(calls: Array<{ toolName: string; input: Record<string, unknown> }>): Step {
  return {
    content: calls.map((c) => ({ type: 'tool-call' as const, toolCallId: `offline_${crypto.randomUUID()}`, toolName: c.toolName, input: JSON.stringify(c.input) })),
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
  }
}

/**
 * A second step the results call for: when the data holds no stated reasons, "why" is answered by
 * what distinguishes churners from those who stayed (once per turn).
 */
function followUpStep(outcomes: ToolOutcome[], lang: 'en' | 'zh'): Array<{ toolName: string; input: Record<string, unknown> }> {
  if (outcomes.some((o) => o.toolName === 'compare_segments')) return []
  const silent = outcomes.find((o) => o.toolName === 'churn_reasons' && (o.output as { noStatedReasons?: boolean } | null)?.noStatedReasons)
  if (!silent) return []
  const { period, filters } = silent.input as { period?: unknown; filters?: unknown }
  const side = (status: string) => ({ status, ...(filters ? { filters } : {}) })
  return [{ toolName: 'compare_segments', input: { a: side('churned'), b: side('retained'), ...(period ? { period } : {}), language: lang } }]
}

function text(t: string): Step {
  return { content: [{ type: 'text', text: t }], finishReason: { unified: 'stop', raw: 'stop' } }
}

/** Splits the answer into small deltas (words, or a few Chinese characters) so it streams like a model's. */
function chunks(t: string): string[] {
  return t.match(/\S+\s*|\s+/g)?.flatMap((w) => (w.length > 12 ? w.match(/.{1,8}/gsu) ?? [w] : [w])) ?? [t]
}
