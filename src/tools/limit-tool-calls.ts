import type { ToolFailure } from './tool-deps.js'

/** How many tool calls one model step, and one whole turn (question), may run. */
export type ToolCallLimits = { perStep: number; perTurn: number }

/** Defaults: above what the offline analyst plans for one question (a metric split six ways, plus totals). */
export const defaultToolCallLimits: ToolCallLimits = { perStep: 8, perTurn: 20 }

type Executable = { execute?: (input: any, options: { messages: readonly unknown[] } & Record<string, unknown>) => unknown }

/** A turn's capped tool set, the calls it refused, and a stop condition ending the loop once the turn's budget is spent. */
export type LimitedTools<T> = { tools: T; refused(): number; budgetSpent(): boolean }

/**
 * Wraps a tool set for ONE turn: calls past the per-step or per-turn limit do not run; the model gets
 * a `too_many_tool_calls` failure as data and is asked to answer with what it has. Calls of one step
 * share the same message history, so its length identifies the step. Wire it per turn, e.g.
 * `const limited = limitToolCalls(toolsFor(deps, catalog))` then `tools: limited.tools,
 * stopWhen: [isStepCount(8), limited.budgetSpent]`.
 */
export function limitToolCalls<T extends Record<string, object>>(tools: T, limits: ToolCallLimits = defaultToolCallLimits): LimitedTools<T> {
  let turn = 0
  let refused = 0
  const perStep = new Map<number, number>()
  const out: Record<string, object> = {}
  for (const [name, t] of Object.entries(tools)) {
    const execute = (t as Executable).execute
    if (!execute) {
      out[name] = t
      continue
    }
    out[name] = {
      ...t,
      execute: (input: unknown, options: { messages: readonly unknown[] } & Record<string, unknown>) => {
        const step = options.messages.length
        const inStep = (perStep.get(step) ?? 0) + 1
        perStep.set(step, inStep)
        if (inStep > limits.perStep || turn >= limits.perTurn) {
          refused++
          return refusal(inStep > limits.perStep ? `at most ${limits.perStep} tool calls per step` : `at most ${limits.perTurn} tool calls per question`)
        }
        turn++
        return execute(input, options)
      },
    }
  }
  return { tools: out as T, refused: () => refused, budgetSpent: () => turn >= limits.perTurn }
}

function refusal(limit: string): ToolFailure {
  return { error: { code: 'too_many_tool_calls', message: `Not run: the limit is ${limit}. Answer with the results you already have.` } }
}
