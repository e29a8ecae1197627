import type { Chart } from '../chart/chart-spec.js'

/** What an answer reports about each tool call: its name, input, the SQL it ran and how many rows. */
export type ToolCallSummary = { name: string; input: unknown; sql: string[]; rowCount: number; period?: unknown; definition?: string; error?: string }

/** Summarises a tool call and its output for answers and provenance displays. */
export function summarizeToolCall(name: string, input: unknown, output: unknown): ToolCallSummary {
  const o = (output ?? {}) as { sql?: string[]; rowCount?: number; period?: unknown; definition?: string; error?: { message: string } }
  return {
    name,
    input,
    sql: Array.isArray(o.sql) ? o.sql : [],
    rowCount: typeof o.rowCount === 'number' ? o.rowCount : 0,
    ...(o.period ? { period: o.period } : {}),
    ...(o.definition ? { definition: o.definition } : {}),
    ...(o.error ? { error: o.error.message } : {}),
  }
}

/** The chart a tool output carries, if any. */
export function chartOf(output: unknown): Chart | null {
  const c = (output as { chart?: Chart | null } | null)?.chart
  return c && typeof c.mermaid === 'string' && c.spec ? c : null
}
