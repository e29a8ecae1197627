import { describe, expect, it } from 'vitest'
import { allCases } from './all-cases.js'
import { sampleData, telcoData } from './eval-data.js'
import { runCases, score, type CaseResult } from './run-eval.js'

// The whole question set through the real chat loop (ask → offline analyst → tools), as `npm run eval` runs it.
describe('offline analyst eval', () => {
  it('answers at least 95% of the questions correctly, with numbers matching independent SQL', async () => {
    const results: CaseResult[] = await runCases(allCases.filter((c) => c.dataset === 'sample'), await sampleData())
    const telco = await telcoData()
    if ('skipped' in telco) console.warn(`eval: Telco cases skipped — ${telco.skipped}`)
    else results.push(...(await runCases(allCases.filter((c) => c.dataset === 'telco'), telco)))
    const failures = results.filter((r) => !r.correct).map((r) => `${r.case.id}: ${r.problems.join('; ')}`)
    const accuracy = results.filter((r) => r.correct).length / results.length
    console.info(`eval: ${score(results)}`)
    expect(results.length).toBeGreaterThanOrEqual(120)
    expect(accuracy, failures.join('\n')).toBeGreaterThanOrEqual(0.95)
  }, 240_000)
})
