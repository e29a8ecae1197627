import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { externalData } from './external-data.js'
import { externalSetNames, hasShared, loadExternalSet, setDir, SHARED_EXTERNAL, type ExternalSetName } from './external-set.js'
import { runExternalSet } from './run-external.js'

if (!hasShared) console.log(`Skipping the external-data eval: ${SHARED_EXTERNAL} is not here (it is only on CI and dev machines, not in user clones).`)

// Accuracy this build reaches on each public data set (first run and progress: see README "Evaluation");
// a floor, so a change that makes answers on unseen data worse fails here.
const floors: Record<ExternalSetName, number> = {
  'telco-cognos': 0.94,
  'telco-11': 0.94,
  'telco-kaggle21': 0.94,
  bankchurners: 0.95,
  'telco-spss-cn': 0.95,
  ravenstack: 0.78,
}

describe.skipIf(!hasShared)('truth scripts', () => {
  for (const name of externalSetNames) {
    it(`${name}: truth.py recomputes truth.json from the raw data, independently of the engine`, () => {
      // Exits non-zero when the committed truth differs from a fresh computation.
      const out = execFileSync('python3', [`${setDir(name)}truth.py`, '--check'], { encoding: 'utf8', timeout: 120_000 })
      expect(out).not.toMatch(/differs|mismatch/i)
    }, 150_000)
  }
})

describe.skipIf(!hasShared)('eval on public data the analyst was not built for (inferred mappings)', () => {
  for (const name of externalSetNames) {
    it(`${name}: questions in English and Chinese answered with the figures truth.py computes`, async () => {
      const set = loadExternalSet(name)
      const data = await externalData(name)
      if ('skipped' in data) throw new Error(`${name}: ${data.skipped}`)
      const results = await runExternalSet(set, data)
      const correct = results.filter((r) => r.correct).length
      console.info(`eval ${name}: ${correct}/${results.length} correct (${((100 * correct) / results.length).toFixed(1)}%)`)
      expect(results.length).toBeGreaterThanOrEqual(25)
      expect(set.cases.filter((c) => c.lang === 'zh').length * 2).toBeGreaterThanOrEqual(set.cases.length - 1)
      expect(correct / results.length, results.filter((r) => !r.correct).map((r) => `${r.case.id}: ${r.problems.join('; ')}`).join('\n')).toBeGreaterThanOrEqual(floors[name])
    }, 300_000)
  }
})
