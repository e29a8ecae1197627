import { createUIMessageStream, createUIMessageStreamResponse, isStepCount, streamText, toUIMessageStream, type ModelMessage, type UIMessage } from 'ai'
import type { Chart } from '../chart/chart-spec.js'
import { resultRows, saveAnswer, type StoredToolCall } from './answer-store.js'
import type { ChatDeps } from './chat-deps.js'
import { appendMessages, ensureConversation, loadHistory } from './conversation-store.js'
import { systemPrompt } from './system-prompt.js'
import { toolsFor } from './tools-for.js'
import { chartOf, summarizeToolCall, type ToolCallSummary } from './tool-summary.js'

/** UI message data parts the chat stream carries besides text and tool parts. */
export type ChatDataParts = { chart: Chart; provenance: ToolCallSummary; conversation: { id: string } }
/** The UI message type of /api/chat (compatible with the AI SDK's useChat). */
export type ChatUIMessage = UIMessage<never, ChatDataParts>

/**
 * The conversation loop, streamed as an AI SDK UI message stream: text, tool calls,
 * and `data-chart` / `data-provenance` parts as each tool finishes. History comes from the
 * database (not the client), so follow-ups work across requests and restarts.
 */
export async function streamChat(deps: ChatDeps, opts: { question: string; conversationId?: string; channel?: string }): Promise<Response> {
  const conversationId = await ensureConversation(deps.db, { id: opts.conversationId, channel: opts.channel ?? 'web' })
  const history = await loadHistory(deps.db, conversationId)
  const user: ModelMessage = { role: 'user', content: opts.question }
  const catalog = deps.catalog()
  const stream = createUIMessageStream<ChatUIMessage>({
    execute: async ({ writer }) => {
      writer.write({ type: 'data-conversation', id: 'conversation', data: { id: conversationId }, transient: true })
      const stored: StoredToolCall[] = []
      const charts: Chart[] = []
      const result = streamText({
        model: deps.model,
        instructions: systemPrompt(catalog, deps.churn),
        messages: [...history, user],
        tools: toolsFor(deps, catalog),
        stopWhen: isStepCount(deps.maxSteps ?? 8),
        onToolExecutionEnd: ({ toolCall, toolOutput }) => {
          if (toolOutput.type !== 'tool-result') return
          const chart = chartOf(toolOutput.output)
          const summary = summarizeToolCall(toolCall.toolName, toolCall.input, toolOutput.output)
          if (chart) writer.write({ type: 'data-chart', id: `chart-${toolCall.toolCallId}`, data: chart })
          writer.write({ type: 'data-provenance', id: `prov-${toolCall.toolCallId}`, data: summary })
          stored.push({ ...summary, rows: resultRows(toolOutput.output) })
          if (chart) charts.push(chart)
        },
      })
      writer.merge(toUIMessageStream({ stream: result.stream, onError: (e) => `The answer failed: ${e instanceof Error ? e.message : String(e)}` }) as any)
      const messages = (await result.responseMessages) as ModelMessage[]
      await appendMessages(deps.db, conversationId, [user, ...messages])
      await saveAnswer(deps.db, conversationId, { question: opts.question, answer: await result.text, toolCalls: stored, charts, model: deps.modelName })
    },
    onError: (e) => `The answer failed: ${e instanceof Error ? e.message : String(e)}`,
  })
  return createUIMessageStreamResponse({ stream, headers: { 'x-conversation-id': conversationId } })
}
