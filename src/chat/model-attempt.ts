import { isStepCount, type LanguageModel } from 'ai'
import type { PreparedTurn } from './turn.js'
import type { ChatDeps } from './chat-deps.js'

/** Retries per model call: one, so a dead provider falls back in seconds, not after a backoff series. */
export const MODEL_RETRIES = 1

/** The abort signal of one model attempt: the client going away, or MODEL_TIMEOUT_MS passing. */
export function attemptSignal(deps: ChatDeps, client?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(deps.modelTimeoutMs ?? 30_000)
  return client ? AbortSignal.any([client, timeout]) : timeout
}

/** What every model call of a turn shares, streamed or not: the prompt, the capped tools, the stop rule, retries, cancellation. */
export function modelCallOptions(model: Exclude<LanguageModel, string>, deps: ChatDeps, turn: PreparedTurn, signal: AbortSignal | undefined) {
  return {
    model,
    instructions: turn.instructions,
    messages: turn.messages,
    tools: turn.tools,
    stopWhen: [isStepCount(deps.maxSteps ?? 8), turn.budgetSpent],
    maxRetries: MODEL_RETRIES,
    abortSignal: signal,
  }
}
