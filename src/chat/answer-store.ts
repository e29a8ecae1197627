import type { Chart } from '../chart/chart-spec.js'
import type { Db } from '../db/open-database.js'
import type { ToolCallSummary } from './tool-summary.js'

/** Result rows kept per tool call: enough to show what an answer rested on, bounded in size. */
export const STORED_ROWS = 40

/** A tool call as stored with its answer: the summary plus the result rows the answer used. */
export type StoredToolCall = ToolCallSummary & { rows: Array<Record<string, unknown>> }

/** A stored answer with its provenance. */
export type StoredAnswer = { n: number; question: string; answer: string; toolCalls: StoredToolCall[]; charts: Chart[]; model: string; createdAt: string }

/**
 * The rows a tool output carries (metric rows, reason categories, comparison measures, cohorts):
 * aggregates only. Feedback items are one customer each, so they are not kept, and customer ids
 * inside aggregates (quote authors) are dropped: the answer page shows no customer rows.
 */
export function resultRows(output: unknown): Array<Record<string, unknown>> {
  const o = (output ?? {}) as Record<string, unknown>
  const rows = [o.rows, o.categories, o.measures, o.cohorts].find(Array.isArray) as Array<Record<string, unknown>> | undefined
  return (rows ?? []).slice(0, STORED_ROWS).map((r) => withoutCustomerIds(r) as Record<string, unknown>)
}

function withoutCustomerIds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutCustomerIds)
  if (!v || typeof v !== 'object') return v
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'customerId' && k !== 'customer_id').map(([k, x]) => [k, withoutCustomerIds(x)]))
}

/** Saves one answered question with its tool calls and charts. */
export async function saveAnswer(db: Db, conversationId: string, a: { question: string; answer: string; toolCalls: StoredToolCall[]; charts: Chart[]; model: string }): Promise<void> {
  await db
    .insertInto('answers')
    .values({
      conversation_id: conversationId,
      question: a.question,
      answer: a.answer,
      tool_calls: JSON.stringify(a.toolCalls),
      charts: JSON.stringify(a.charts),
      model: a.model,
      created_at: new Date().toISOString(),
    })
    .execute()
}

/** The latest `limit` answers of a conversation, oldest first, numbered from the conversation's start. */
export async function loadAnswers(db: Db, conversationId: string, limit = 10): Promise<StoredAnswer[]> {
  const all = await db.selectFrom('answers').select(['id']).where('conversation_id', '=', conversationId).orderBy('id').execute()
  const rows = await db.selectFrom('answers').selectAll().where('conversation_id', '=', conversationId).orderBy('id', 'desc').limit(limit).execute()
  const number = new Map(all.map((r, i) => [r.id, i + 1]))
  return rows.reverse().map((r) => ({
    n: number.get(r.id) ?? 0,
    question: r.question,
    answer: r.answer,
    toolCalls: JSON.parse(r.tool_calls) as StoredToolCall[],
    charts: JSON.parse(r.charts) as Chart[],
    model: r.model,
    createdAt: r.created_at,
  }))
}

/** How many questions a conversation has had answered. */
export async function countAnswers(db: Db, conversationId: string): Promise<number> {
  const r = await db.selectFrom('answers').select((eb) => eb.fn.countAll<number>().as('n')).where('conversation_id', '=', conversationId).executeTakeFirst()
  return Number(r?.n ?? 0)
}
