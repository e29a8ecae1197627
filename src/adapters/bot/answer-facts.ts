import type { ToolCallSummary } from '../../chat/tool-summary.js'

/** The periods and churn definitions an answer's numbers were computed for, deduplicated across its tool calls. */
export type AnswerFacts = { periods: string[]; definitions: string[] }

/** Collects the provenance line every platform shows under an answer. */
export function answerFacts(calls: ToolCallSummary[]): AnswerFacts {
  const periods = calls.map((c) => periodLabel(c.period)).filter((p): p is string => !!p)
  const definitions = calls.map((c) => c.definition).filter((d): d is string => !!d)
  return { periods: [...new Set(periods)], definitions: [...new Set(definitions)] }
}

function periodLabel(p: unknown): string | null {
  if (!p || typeof p !== 'object') return null
  const { label, from, to } = p as { label?: unknown; from?: unknown; to?: unknown }
  if (typeof label === 'string' && label) return label
  return typeof from === 'string' && typeof to === 'string' ? `${from} – ${to}` : null
}
