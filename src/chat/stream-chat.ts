import { createUIMessageStream, createUIMessageStreamResponse, streamText, toUIMessageChunk, type LanguageModel, type ModelMessage, type UIMessage, type UIMessageStreamWriter } from 'ai'
import type { Chart } from '../chart/chart-spec.js'
import { resultRows, type StoredToolCall } from './answer-store.js'
import type { ChatDeps } from './chat-deps.js'
import { attemptSignal, modelCallOptions } from './model-attempt.js'
import { chartOf, summarizeToolCall, type ToolCallSummary } from './tool-summary.js'
import { failTurn, finalText, prepareTurn, recordTurn, type PreparedTurn, type TurnInput } from './turn.js'
import { answerFailed, fallbackNotice, scopeNotice } from './turn-messages.js'

/** UI message data parts the chat stream carries besides text and tool parts. */
export type ChatDataParts = { chart: Chart; provenance: ToolCallSummary; conversation: { id: string } }
/** The UI message type of /api/chat (compatible with the AI SDK's useChat). */
export type ChatUIMessage = UIMessage<never, ChatDataParts>

type Writer = UIMessageStreamWriter<ChatUIMessage>
type Collected = { stored: StoredToolCall[]; charts: Chart[] }

function start(model: Exclude<LanguageModel, string>, deps: ChatDeps, turn: PreparedTurn, signal: AbortSignal | undefined, writer: Writer, into: Collected) {
  return streamText({
    ...modelCallOptions(model, deps, turn, signal),
    // The default prints the raw error (API keys included) to the console; forward() logs it redacted instead.
    onError: () => {},
    onToolExecutionEnd: ({ toolCall, toolOutput }) => {
      if (toolOutput.type !== 'tool-result') return
      const chart = chartOf(toolOutput.output)
      const summary = summarizeToolCall(toolCall.toolName, toolCall.input, toolOutput.output)
      if (chart) writer.write({ type: 'data-chart', id: `chart-${toolCall.toolCallId}`, data: chart })
      writer.write({ type: 'data-provenance', id: `prov-${toolCall.toolCallId}`, data: summary })
      into.stored.push({ ...summary, rows: resultRows(toolOutput.output) })
      if (chart) into.charts.push(chart)
    },
  })
}

/**
 * Forwards one attempt's stream to the client as UI chunks until it ends or fails. A failure is
 * returned, not written: its text (provider messages, hosts, keys) must not reach the client.
 */
async function forward(result: ReturnType<typeof start>, writer: Writer, sendStart: boolean): Promise<{ failed: unknown } | null> {
  for await (const part of result.stream) {
    if (part.type === 'error') return { failed: part.error }
    if (part.type === 'abort') return { failed: new Error('model call aborted (client gone or MODEL_TIMEOUT_MS passed)') }
    const chunk = toUIMessageChunk(part, { sendStart, sendFinish: false })
    if (chunk) writer.write(chunk as never)
  }
  return null
}

function note(writer: Writer, id: string, text: string): void {
  writer.write({ type: 'text-start', id })
  writer.write({ type: 'text-delta', id, delta: text })
  writer.write({ type: 'text-end', id })
}

/**
 * The conversation turn streamed as an AI SDK UI message stream: text, tool calls, and
 * `data-chart` / `data-provenance` parts as each tool finishes. Prepare errors (404, 429) are
 * thrown before the response starts; a failing or slow model is replaced by the offline analyst
 * mid-stream, with a notice; anything else ends the stream with a short message and a reference.
 */
export async function streamChat(deps: ChatDeps, opts: TurnInput): Promise<Response> {
  const turn = await prepareTurn(deps, opts)
  const stream = createUIMessageStream<ChatUIMessage>({
    execute: async ({ writer }) => {
      writer.write({ type: 'data-conversation', id: 'conversation', data: { id: turn.conversationId }, transient: true })
      let into: Collected = { stored: [], charts: [] }
      let result = start(deps.model, deps, turn, attemptSignal(deps, opts.signal), writer, into)
      let fellBack = false
      const first = await forward(result, writer, true)
      if (first) {
        const fallback = deps.fallbackModel
        if (opts.signal?.aborted || !fallback) throw Object.assign(new Error('model failed'), { cause: first.failed, aborted: !!opts.signal?.aborted })
        deps.log?.error(turn.ref, `model ${deps.modelName} failed or timed out while streaming; the offline analyst answers`, first.failed)
        fellBack = true
        note(writer, 'fallback-notice', `${fallbackNotice(turn.lang)}\n\n`)
        into = { stored: [], charts: [] }
        result = start(fallback, deps, turn, opts.signal, writer, into)
        const second = await forward(result, writer, false)
        if (second) throw Object.assign(new Error('offline analyst failed'), { cause: second.failed })
      }
      const scope = opts.principal.scope
      if (scope) note(writer, 'scope-notice', `\n\n${scopeNotice(scope, turn.lang)}`)
      writer.write({ type: 'finish' })
      const text = await result.text
      await recordTurn(deps, turn, {
        responseMessages: (await result.responseMessages) as ModelMessage[],
        answer: finalText(deps, turn, text, fellBack),
        toolCalls: into.stored,
        charts: into.charts,
        model: fellBack ? 'offline' : deps.modelName,
        outcome: fellBack ? 'fallback' : 'answered',
      })
    },
    // The one place a stream failure is turned into words: short, in the user's language, with a reference.
    onError: (e) => {
      const aborted = !!(e as { aborted?: boolean })?.aborted || !!opts.signal?.aborted
      void failTurn(deps, turn, (e as { cause?: unknown })?.cause ?? e, aborted)
      return answerFailed(turn.lang, turn.ref).message
    },
  })
  return createUIMessageStreamResponse({ stream, headers: { 'x-conversation-id': turn.conversationId } })
}

