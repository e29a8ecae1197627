import { answerQuestion } from './answer-question.js'
import type { BotCore } from './bot-core.js'
import type { BotOutput, BotQuestion } from './bot-question.js'

/** Runs work after the caller has acknowledged the platform (an HTTP response, a WebSocket ack). */
export type Schedule = (work: () => Promise<unknown>, onError: (e: unknown) => void) => void

/** On a later macrotask: SQLite queries are synchronous, and started now they would hold the acknowledgement back. */
export const later: Schedule = (work, onError) => {
  void new Promise((resolve) => setTimeout(resolve, 0)).then(work).catch(onError)
}

/**
 * The shared ingress after verification: dedupe on the platform's delivery keys (event ids, message
 * ids), then answer in the background. Returns false for a duplicate (a retry, or one message
 * delivered twice), which the caller acknowledges like any other.
 */
export function acceptQuestion(core: BotCore, keys: string[], q: BotQuestion, out: BotOutput, schedule: Schedule = later): boolean {
  const platform = q.principal.platform
  if (core.seen.checkAndAdd(keys)) {
    core.log(`${platform}: skipped duplicate ${keys.join(', ')}`)
    return false
  }
  schedule(() => answerQuestion(core, q, out), (e) => core.logError(`${platform}: answering ${keys[0]} failed`, e))
  return true
}
