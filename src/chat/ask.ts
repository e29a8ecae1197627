import { generateText, type LanguageModel, type ModelMessage } from 'ai'
import type { Chart } from '../chart/chart-spec.js'
import { resultRows, type StoredToolCall } from './answer-store.js'
import type { ChatDeps } from './chat-deps.js'
import { attemptSignal, modelCallOptions } from './model-attempt.js'
import { chartOf, summarizeToolCall, type ToolCallSummary } from './tool-summary.js'
import { chargeQuestion, failTurn, finalText, prepareTurn, recordTurn, type PreparedTurn, type TurnInput } from './turn.js'

/** One answered question, as /api/ask, the CLI and Slack return it. */
export type AskResult = { conversationId: string; answer: string; charts: Chart[]; toolCalls: ToolCallSummary[]; model: string }

/** A question to answer without streaming (see TurnInput). */
export type AskOptions = TurnInput

function generate(model: Exclude<LanguageModel, string>, deps: ChatDeps, turn: PreparedTurn, signal: AbortSignal | undefined) {
  return generateText(modelCallOptions(model, deps, turn, signal))
}

/**
 * The conversation turn without streaming: prepare → model ⇄ tools (the offline analyst answers when
 * the model fails or times out) → record. Failures reach the caller as a short AppError with a reference.
 */
export async function ask(deps: ChatDeps, opts: AskOptions): Promise<AskResult> {
  // The server charges the rate limit once, then a turn process answers (off the event loop).
  if (deps.turnPool) {
    await chargeQuestion(deps, opts)
    return deps.turnPool.ask(opts)
  }
  const turn = await prepareTurn(deps, opts)
  try {
    let result
    let fellBack = false
    try {
      result = await generate(deps.model, deps, turn, attemptSignal(deps, opts.signal))
    } catch (e) {
      const fallback = deps.fallbackModel
      if (opts.signal?.aborted || !fallback) throw e
      deps.log?.error(turn.ref, `model ${deps.modelName} failed or timed out; the offline analyst answers`, e)
      fellBack = true
      result = await generate(fallback, deps, turn, opts.signal)
    }
    const stored: StoredToolCall[] = []
    const charts: Chart[] = []
    for (const step of result.steps) {
      for (const tr of step.toolResults) {
        stored.push({ ...summarizeToolCall(tr.toolName, tr.input, tr.output), rows: resultRows(tr.output) })
        const chart = chartOf(tr.output)
        if (chart) charts.push(chart)
      }
    }
    const answer = finalText(deps, turn, result.text, fellBack)
    const model = fellBack ? 'offline' : deps.modelName
    await recordTurn(deps, turn, { responseMessages: result.responseMessages as ModelMessage[], answer, toolCalls: stored, charts, model, outcome: fellBack ? 'fallback' : 'answered' })
    const toolCalls: ToolCallSummary[] = stored.map(({ rows: _rows, ...summary }) => summary)
    return { conversationId: turn.conversationId, answer, charts, toolCalls, model }
  } catch (e) {
    throw await failTurn(deps, turn, e, !!opts.signal?.aborted)
  }
}
