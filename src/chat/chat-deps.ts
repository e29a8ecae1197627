import type { LanguageModel } from 'ai'
import type { ServerLog } from '../audit/server-log.js'
import type { RateLimiter } from '../auth/rate-limit.js'
import type { Db } from '../db/open-database.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { ChurnDefinitionConfig } from '../config.js'
import type { PiiMode } from '../privacy/mask-pii.js'
import type { AskResult } from './ask.js'
import type { TurnInput } from './turn.js'

/** Everything the conversation loop needs; built once by createApp and shared by all adapters. */
export type ChatDeps = {
  db: Db
  model: Exclude<LanguageModel, string>
  modelName: string
  churn: ChurnDefinitionConfig
  grossMargin: number
  /** The current data catalog (reloaded after imports). */
  catalog: () => DataCatalog
  /** Upper bound on model steps (tool calls + final text) per question. */
  maxSteps?: number
  /** The offline analyst, answering when `model` fails or times out; absent when `model` is the offline analyst. */
  fallbackModel?: Exclude<LanguageModel, string>
  /** Longest a model call may take (MODEL_TIMEOUT_MS). */
  modelTimeoutMs?: number
  /** Personal data masked (default) or shown. */
  pii?: PiiMode
  /** Questions per principal per minute. */
  limiter?: RateLimiter
  /** Where error details go (redacted); silent when absent. */
  log?: ServerLog
  /** Days of audit rows kept. */
  auditDays?: number
  /** Where non-streaming turns run when the server has turn processes (TURN_PROCESSES); in-process when absent. */
  turnPool?: { ask(input: TurnInput): Promise<AskResult> }
}
