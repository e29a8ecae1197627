import { ask } from '../../src/chat/ask.js'
import { localPrincipal } from '../../src/auth/principal.js'
import { checkTurn } from './check-turn.js'
import type { EvalCase } from './eval-case.js'
import type { EvalData } from './eval-data.js'

/** One case's outcome: correct when every turn passed; problems and answers kept for the report. */
export type CaseResult = {
  case: EvalCase
  correct: boolean
  problems: string[]
  answers: string[]
  ms: number
}

/** Asks a case's turns through the real chat loop (ask → offline model → tools → answer) in one conversation, then checks them. */
export async function runCase(c: EvalCase, data: EvalData): Promise<CaseResult> {
  const started = performance.now()
  const problems: string[] = []
  const answers: string[] = []
  let conversationId: string | undefined
  for (const [i, turn] of c.turns.entries()) {
    try {
      const r = await ask(data.deps.chat, { question: turn.q, conversationId, principal: localPrincipal })
      conversationId = r.conversationId
      answers.push(r.answer)
      const p = await checkTurn(turn.expect, r, data.db, c.lang)
      problems.push(...p.map((x) => (c.turns.length > 1 ? `turn ${i + 1}: ${x}` : x)))
    } catch (e) {
      problems.push(`turn ${i + 1} threw: ${e instanceof Error ? e.message : String(e)}`)
      break
    }
  }
  return { case: c, correct: problems.length === 0, problems, answers, ms: performance.now() - started }
}

/** Runs cases one after another (conversations share the database). */
export async function runCases(cases: EvalCase[], data: EvalData): Promise<CaseResult[]> {
  const out: CaseResult[] = []
  for (const c of cases) out.push(await runCase(c, data))
  return out
}

/** Correct / total per key. */
export type Tally = Record<string, { correct: number; total: number }>

/** Groups results by a key and counts the correct ones. */
export function tally(results: CaseResult[], key: (r: CaseResult) => string): Tally {
  const t: Tally = {}
  for (const r of results) {
    const k = key(r)
    t[k] ??= { correct: 0, total: 0 }
    t[k].total++
    if (r.correct) t[k].correct++
  }
  return t
}

/** "N/M correct (P%)". */
export function score(results: CaseResult[]): string {
  const n = results.filter((r) => r.correct).length
  const p = results.length ? (100 * n) / results.length : 0
  return `${n}/${results.length} correct (${p.toFixed(1)}%)`
}
