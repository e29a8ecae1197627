import { generateText, isStepCount, type ModelMessage } from 'ai'
import { AppError } from '../errors.js'
import type { Chart } from '../chart/chart-spec.js'
import { resultRows, saveAnswer, type StoredToolCall } from './answer-store.js'
import type { ChatDeps } from './chat-deps.js'
import { appendMessages, ensureConversation, loadHistory } from './conversation-store.js'
import { systemPrompt } from './system-prompt.js'
import { toolsFor } from './tools-for.js'
import { chartOf, summarizeToolCall, type ToolCallSummary } from './tool-summary.js'

/** One answered question, as /api/ask, the CLI and Slack return it. */
export type AskResult = { conversationId: string; answer: string; charts: Chart[]; toolCalls: ToolCallSummary[]; model: string }

/** Options for a question: an existing conversation to continue, and the channel it came from. */
export type AskOptions = { question: string; conversationId?: string; channel?: string; externalKey?: string }

/** The conversation loop without streaming: history → model ⇄ tools → stored answer. */
export async function ask(deps: ChatDeps, opts: AskOptions): Promise<AskResult> {
  const conversationId = await ensureConversation(deps.db, { id: opts.conversationId, channel: opts.channel ?? 'api', externalKey: opts.externalKey })
  const history = await loadHistory(deps.db, conversationId)
  const user: ModelMessage = { role: 'user', content: opts.question }
  const catalog = deps.catalog()
  let result
  try {
    result = await generateText({
      model: deps.model,
      instructions: systemPrompt(catalog, deps.churn),
      messages: [...history, user],
      tools: toolsFor(deps, catalog),
      stopWhen: isStepCount(deps.maxSteps ?? 8),
    })
  } catch (e) {
    throw new AppError('model_failed', `The model could not answer: ${e instanceof Error ? e.message : String(e)}`)
  }
  await appendMessages(deps.db, conversationId, [user, ...(result.responseMessages as ModelMessage[])])
  const stored: StoredToolCall[] = []
  const charts: Chart[] = []
  for (const step of result.steps) {
    for (const tr of step.toolResults) {
      stored.push({ ...summarizeToolCall(tr.toolName, tr.input, tr.output), rows: resultRows(tr.output) })
      const chart = chartOf(tr.output)
      if (chart) charts.push(chart)
    }
  }
  await saveAnswer(deps.db, conversationId, { question: opts.question, answer: result.text, toolCalls: stored, charts, model: deps.modelName })
  const toolCalls: ToolCallSummary[] = stored.map(({ rows: _rows, ...summary }) => summary)
  return { conversationId, answer: result.text, charts, toolCalls, model: deps.modelName }
}
