import type { LanguageModel } from 'ai'
import type { ChatDeps } from './chat-deps.js'

/** Retries per model call: one, so a dead provider falls back in seconds, not after a backoff series. */
export const MODEL_RETRIES = 1

/** The abort signal of one model attempt: the client going away, or MODEL_TIMEOUT_MS passing. */
export function attemptSignal(deps: ChatDeps, client?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(deps.modelTimeoutMs ?? 30_000)
  return client ? AbortSignal.any([client, timeout]) : timeout
}

/** The model that answers after `deps.model` failed, or null when there is none (it is the offline analyst). */
export function fallbackOf(deps: ChatDeps): Exclude<LanguageModel, string> | null {
  return deps.fallbackModel ?? null
}

/** The model name an answer reports. */
export function answeredBy(deps: ChatDeps, fellBack: boolean): string {
  return fellBack ? 'offline' : deps.modelName
}
