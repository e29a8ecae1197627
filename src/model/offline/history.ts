import type { LanguageModelV4Prompt } from '@ai-sdk/provider'
import type { ToolCall } from './build-calls.js'

/** A tool call of the current turn with its result: the output value, or the error text when the tool failed. */
export type ToolOutcome = { toolName: string; input: Record<string, unknown>; output: unknown; failed?: string }

const lastUserIndex = (prompt: LanguageModelV4Prompt) => prompt.findLastIndex((m) => m.role === 'user')

/** The text of the latest user message. */
export function latestQuestion(prompt: LanguageModelV4Prompt): string {
  const m = prompt[lastUserIndex(prompt)]
  if (!m || m.role !== 'user') return ''
  return m.content.map((p) => (p.type === 'text' ? p.text : '')).join(' ').trim()
}

/** The tool calls of the most recent earlier turn that made any: what a follow-up builds on. */
export function previousCalls(prompt: LanguageModelV4Prompt): ToolCall[] {
  const end = lastUserIndex(prompt)
  let calls: ToolCall[] = []
  for (let i = end - 1; i >= 0; i--) {
    const m = prompt[i]
    if (m.role === 'user') {
      if (calls.length) return calls
      continue
    }
    if (m.role !== 'assistant') continue
    const here = m.content.flatMap((p) => (p.type === 'tool-call' ? [{ toolName: p.toolName, input: asObject(p.input) }] : []))
    calls = [...here, ...calls]
  }
  return calls
}

/**
 * The segment that came out on top in the previous turn's breakdown ("San Diego" after "which city lost the
 * most customers?"), for "那这个城市的流失率是多少？" / "why is that city so high?".
 */
export function previousTop(prompt: LanguageModelV4Prompt): { dimension: string; value: string } | undefined {
  const end = lastUserIndex(prompt)
  const before = prompt.slice(0, end)
  const start = before.findLastIndex((m) => m.role === 'user')
  if (start < 0) return undefined
  for (const o of outcomesOf(before.slice(start + 1))) {
    const out = o.output as { by?: string[]; rows?: Array<Record<string, unknown> & { value: number | null }> } | null
    if (o.toolName !== 'query_metric' || out?.by?.length !== 1 || !out.rows?.length) continue
    const top = [...out.rows].filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!)[0]
    const value = top?.[out.by[0]]
    if (value !== undefined && value !== null) return { dimension: out.by[0], value: String(value) }
  }
  return undefined
}

/** The current turn's tool calls paired with their results (everything after the latest user message). */
export function currentOutcomes(prompt: LanguageModelV4Prompt): ToolOutcome[] {
  return outcomesOf(prompt.slice(lastUserIndex(prompt) + 1))
}

function outcomesOf(turn: LanguageModelV4Prompt): ToolOutcome[] {
  const results = new Map<string, { output: unknown; failed?: string }>()
  for (const m of turn) {
    if (m.role !== 'tool') continue
    for (const p of m.content) {
      if (p.type !== 'tool-result') continue
      const o = p.output
      if (o.type === 'json' || o.type === 'text') results.set(p.toolCallId, { output: o.value })
      else if (o.type === 'error-text') results.set(p.toolCallId, { output: null, failed: o.value })
      else if (o.type === 'error-json') results.set(p.toolCallId, { output: null, failed: JSON.stringify(o.value) })
      else results.set(p.toolCallId, { output: null, failed: o.type })
    }
  }
  const out: ToolOutcome[] = []
  for (const m of turn) {
    if (m.role !== 'assistant') continue
    for (const p of m.content) {
      if (p.type !== 'tool-call') continue
      const r = results.get(p.toolCallId)
      if (r) out.push({ toolName: p.toolName, input: asObject(p.input), ...r })
    }
  }
  return out
}

// Stored histories may carry the input as a JSON string.
function asObject(input: unknown): Record<string, unknown> {
  if (typeof input === 'string') {
    try {
      return JSON.parse(input) as Record<string, unknown>
    } catch {
      return {}
    }
  }
  return (input ?? {}) as Record<string, unknown>
}
