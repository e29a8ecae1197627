import { ask } from '../../../src/chat/ask.js'
import { localPrincipal } from '../../../src/auth/principal.js'
import type { EvalData } from '../eval-data.js'
import { checkExternalTurn } from './check-external.js'
import type { ExternalCase, ExternalSet } from './external-set.js'

/** One external case's outcome. */
export type ExternalResult = { set: string; case: ExternalCase; correct: boolean; problems: string[]; answers: string[]; ms: number }

/** Asks every case of a set through the real chat loop (one conversation per case) and checks the answers against truth.json. */
export async function runExternalSet(set: ExternalSet, data: EvalData): Promise<ExternalResult[]> {
  const out: ExternalResult[] = []
  for (const c of set.cases) {
    const started = performance.now()
    const problems: string[] = []
    const answers: string[] = []
    let conversationId: string | undefined
    for (const [i, turn] of c.turns.entries()) {
      try {
        const r = await ask(data.deps.chat, { question: turn.q, conversationId, principal: localPrincipal })
        conversationId = r.conversationId
        answers.push(r.answer)
        const p = checkExternalTurn(turn.truth, set.truth[turn.truth], r.answer)
        problems.push(...p.map((x) => (c.turns.length > 1 ? `turn ${i + 1}: ${x}` : x)))
      } catch (e) {
        problems.push(`turn ${i + 1} threw: ${e instanceof Error ? e.message : String(e)}`)
        break
      }
    }
    out.push({ set: set.name, case: c, correct: problems.length === 0, problems, answers, ms: performance.now() - started })
  }
  return out
}
