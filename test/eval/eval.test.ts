import { describe, expect, it } from 'vitest'
import { allCases } from './all-cases.js'
import { sampleData } from './eval-data.js'
import { runCases, score, type CaseResult } from './run-eval.js'

// The sample company's question set through the real chat loop (ask → offline analyst → tools), as `npm run eval` runs it.
describe('offline analyst eval on the sample company', () => {
  it('answers at least 95% of the questions correctly, with numbers matching independent SQL', async () => {
    const results: CaseResult[] = await runCases(allCases.filter((c) => c.dataset === 'sample'), await sampleData())
    const failures = results.filter((r) => !r.correct).map((r) => `${r.case.id}: ${r.problems.join('; ')}`)
    const accuracy = results.filter((r) => r.correct).length / results.length
    console.info(`eval: ${score(results)}`)
    expect(results.length).toBeGreaterThanOrEqual(150)
    expect(accuracy, failures.join('\n')).toBeGreaterThanOrEqual(0.95)
  }, 300_000)
})
