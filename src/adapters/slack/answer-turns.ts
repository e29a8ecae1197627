import type { ModelMessage } from 'ai'
import type { ChartSpec } from '../../chart/chart-spec.js'
import { chartOf, summarizeToolCall, type ToolCallSummary } from '../../chat/tool-summary.js'
import type { Db } from '../../db/open-database.js'

/** One question and what was done to answer it: the text, each tool call with its SQL, rows and chart. */
export type AnswerTurn = { n: number; question: string; answer: string; calls: Array<ToolCallSummary & { rows: Array<Record<string, unknown>>; chart: ChartSpec | null }> }

/** Most turns shown on a page; older ones are left out (the page is about the latest answers). */
const MAX_TURNS = 20

/** Loads a Slack conversation's turns, oldest first; null when there is no such Slack conversation. */
export async function loadAnswerTurns(db: Db, conversationId: string): Promise<AnswerTurn[] | null> {
  // Only Slack conversations: web and widget conversations have their own access rules.
  const conv = await db.selectFrom('conversations').select(['id']).where('id', '=', conversationId).where('channel', '=', 'slack').executeTakeFirst()
  if (!conv) return null
  const rows = await db.selectFrom('messages').select(['content']).where('conversation_id', '=', conversationId).orderBy('position', 'asc').execute()
  const turns: AnswerTurn[] = []
  for (const row of rows) {
    const m = JSON.parse(row.content) as ModelMessage
    if (m.role === 'user') {
      turns.push({ n: turns.length + 1, question: textOf(m.content), answer: '', calls: [] })
      continue
    }
    const turn = turns.at(-1)
    if (!turn) continue
    if (m.role === 'assistant') {
      const text = textOf(m.content)
      if (text) turn.answer = turn.answer ? `${turn.answer}\n\n${text}` : text
    } else if (m.role === 'tool') {
      for (const part of m.content) {
        if (part.type !== 'tool-result') continue
        const output = (part.output as { type?: string; value?: unknown }).value
        const input = findInput(rows, part.toolCallId)
        const rowsOut = (output as { rows?: unknown } | undefined)?.rows
        turn.calls.push({
          ...summarizeToolCall(part.toolName, input, output),
          rows: Array.isArray(rowsOut) ? (rowsOut as Array<Record<string, unknown>>) : [],
          chart: chartOf(output)?.spec ?? null,
        })
      }
    }
  }
  return turns.slice(-MAX_TURNS)
}

/** How many questions a conversation holds: the number of the turn just answered, for #turn-N links. */
export async function countTurns(db: Db, conversationId: string): Promise<number> {
  const r = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('conversation_id', '=', conversationId).where('role', '=', 'user').executeTakeFirst()
  return Number(r?.n ?? 0)
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content.filter((p): p is { type: 'text'; text: string } => p?.type === 'text' && typeof p.text === 'string').map((p) => p.text).join('\n')
}

// The tool-call input lives on the assistant message that made the call.
function findInput(rows: Array<{ content: string }>, toolCallId: string): unknown {
  for (const r of rows) {
    if (!r.content.includes(toolCallId)) continue
    const m = JSON.parse(r.content) as ModelMessage
    if (m.role !== 'assistant' || typeof m.content === 'string') continue
    const call = m.content.find((p) => p.type === 'tool-call' && p.toolCallId === toolCallId)
    if (call && call.type === 'tool-call') return call.input
  }
  return null
}
