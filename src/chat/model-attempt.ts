import type { ChatDeps } from './chat-deps.js'

/** Retries per model call: one, so a dead provider falls back in seconds, not after a backoff series. */
export const MODEL_RETRIES = 1

/** The abort signal of one model attempt: the client going away, or MODEL_TIMEOUT_MS passing. */
export function attemptSignal(deps: ChatDeps, client?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(deps.modelTimeoutMs ?? 30_000)
  return client ? AbortSignal.any([client, timeout]) : timeout
}
