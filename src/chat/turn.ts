import type { ModelMessage } from 'ai'
import { newRef } from '../audit/server-log.js'
import { pruneAudit, writeAudit, type AuditTool } from '../audit/audit-log.js'
import type { Principal } from '../auth/principal.js'
import type { Chart } from '../chart/chart-spec.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { isAppError } from '../errors.js'
import { detectLanguage } from '../model/offline/normalise.js'
import { maskText } from '../privacy/mask-pii.js'
import { saveAnswer, type StoredToolCall } from './answer-store.js'
import type { ChatDeps } from './chat-deps.js'
import { appendMessages, ensureConversation, loadHistory } from './conversation-store.js'
import { guardTools } from './guard-tools.js'
import { systemPrompt } from './system-prompt.js'
import { toolsFor } from './tools-for.js'
import { limitToolCalls } from '../tools/limit-tool-calls.js'
import { answerFailed, conversationNotFound, fallbackNotice, rateLimited, scopeNotice, type Lang } from './turn-messages.js'

/** Where a question came from. */
export type Surface = 'api' | 'web' | 'slack' | 'cli' | (string & {})

/** One question as every surface hands it to the turn. */
export type TurnInput = {
  question: string
  principal: Principal
  /** The surface it came from (stored as the conversation's channel, audited as the surface). */
  channel?: Surface
  conversationId?: string
  /** A Slack thread key: finds or creates that thread's conversation. */
  externalKey?: string
  /** Aborts when the client goes away. */
  signal?: AbortSignal
}

/** A question ready to run: its conversation, history, guarded tools and trace. */
export type PreparedTurn = {
  ref: string
  started: number
  input: TurnInput
  lang: Lang
  conversationId: string
  catalog: DataCatalog
  instructions: string
  /** History plus the question (masked when PII is masked): what the model is sent. */
  messages: ModelMessage[]
  user: ModelMessage
  tools: ReturnType<typeof toolsFor>
  /** True once the question has used its tool-call budget: the model loop stops there. */
  budgetSpent: () => boolean
  trace: AuditTool[]
}

/** How a turn ended, for the store and the audit. */
export type TurnOutcome = 'answered' | 'fallback' | 'failed' | 'aborted'

// Audit pruning runs at most this often per process.
const PRUNE_EVERY_MS = 3_600_000
const lastPrune = new WeakMap<object, number>()

/**
 * Charges the principal one question; over the limit it audits and throws 429 in the question's
 * language. The local caller (CLI, in-process tests) is not limited: it can open the database anyway.
 */
export async function chargeQuestion(deps: ChatDeps, input: TurnInput, ref = newRef(), started = performance.now()): Promise<void> {
  if (input.principal.kind === 'local' || !deps.limiter) return
  const d = deps.limiter.take(input.principal.id)
  if (d.ok) return
  await audit(deps, { ref, started, input, conversationId: input.conversationId ?? null, trace: [], model: deps.modelName, outcome: 'rate_limited' })
  throw rateLimited(detectLanguage(input.question), d.retryAfter)
}

/**
 * Prepare: rate limit, conversation (owned by the principal; another's id is 404), history, and the
 * tools guarded for this principal (scope, masking, error shielding, audit trace).
 */
export async function prepareTurn(deps: ChatDeps, input: TurnInput): Promise<PreparedTurn> {
  const ref = newRef()
  const started = performance.now()
  const lang = detectLanguage(input.question)
  await chargeQuestion(deps, input, ref, started)
  let conversationId: string
  try {
    conversationId = await ensureConversation(deps.db, { id: input.conversationId, channel: input.channel ?? 'api', externalKey: input.externalKey, principal: input.principal })
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') {
      await audit(deps, { ref, started, input, conversationId: input.conversationId ?? null, trace: [], model: deps.modelName, outcome: 'not_found' })
      throw conversationNotFound(lang)
    }
    throw e
  }
  const history = await loadHistory(deps.db, conversationId)
  const user: ModelMessage = { role: 'user', content: deps.pii === 'show' ? input.question : maskText(input.question) }
  const catalog = deps.catalog()
  const trace: AuditTool[] = []
  // Guarded (scope, personal data, errors), then capped: a model may ask for 50 tool calls in one step.
  const limited = limitToolCalls(guardTools(toolsFor(deps, catalog), { catalog, scope: input.principal.scope, pii: deps.pii ?? 'mask', log: deps.log, ref, lang, trace }))
  return { ref, started, input, lang, conversationId, catalog, instructions: systemPrompt(catalog, deps.churn), messages: [...history, user], user, tools: limited.tools, budgetSpent: limited.budgetSpent, trace }
}

/** The answer text as users see it: the fallback notice first, masked text, the scope last. */
export function finalText(deps: ChatDeps, turn: PreparedTurn, text: string, fellBack: boolean): string {
  const body = deps.pii === 'show' ? text : maskText(text)
  const scope = turn.input.principal.scope
  return [fellBack ? fallbackNotice(turn.lang) : '', body, scope ? scopeNotice(scope, turn.lang) : ''].filter(Boolean).join('\n\n')
}

/** Record: the messages, the answer with its provenance, and the audit row. */
export async function recordTurn(
  deps: ChatDeps,
  turn: PreparedTurn,
  r: { responseMessages: ModelMessage[]; answer: string; toolCalls: StoredToolCall[]; charts: Chart[]; model: string; outcome: TurnOutcome },
): Promise<void> {
  await appendMessages(deps.db, turn.conversationId, [turn.user, ...r.responseMessages])
  await saveAnswer(deps.db, turn.conversationId, { question: turn.user.content as string, answer: r.answer, toolCalls: r.toolCalls, charts: r.charts, model: r.model })
  await audit(deps, { ref: turn.ref, started: turn.started, input: turn.input, conversationId: turn.conversationId, trace: turn.trace, model: r.model, outcome: r.outcome })
}

/**
 * A failed turn: the details go to the server log under the turn's reference; the audit notes it;
 * the caller gets a short message in the question's language with that reference.
 */
export async function failTurn(deps: ChatDeps, turn: PreparedTurn, e: unknown, aborted = false): Promise<Error> {
  if (!aborted) deps.log?.error(turn.ref, `answering on ${turn.input.channel ?? 'api'} for ${turn.input.principal.id} failed`, e)
  await audit(deps, { ref: turn.ref, started: turn.started, input: turn.input, conversationId: turn.conversationId, trace: turn.trace, model: deps.modelName, outcome: aborted ? 'aborted' : 'failed' }).catch(() => {})
  return answerFailed(turn.lang, turn.ref)
}

async function audit(
  deps: ChatDeps,
  a: { ref: string; started: number; input: TurnInput; conversationId: string | null; trace: AuditTool[]; model: string; outcome: TurnOutcome | 'rate_limited' | 'not_found' },
): Promise<void> {
  try {
    await writeAudit(deps.db, {
      ref: a.ref,
      principal: a.input.principal.id,
      surface: a.input.channel ?? 'api',
      conversationId: a.conversationId,
      question: deps.pii === 'show' ? a.input.question : maskText(a.input.question),
      scope: a.input.principal.scope ?? null,
      tools: a.trace,
      model: a.model,
      outcome: a.outcome,
      ms: performance.now() - a.started,
    })
    const now = Date.now()
    if (now - (lastPrune.get(deps.db) ?? 0) > PRUNE_EVERY_MS) {
      lastPrune.set(deps.db, now)
      await pruneAudit(deps.db, deps.auditDays ?? 90, now)
    }
  } catch (e) {
    // An audit failure must not cost the user the answer; it is logged for the operator.
    deps.log?.error(a.ref, 'audit write failed', e)
  }
}
