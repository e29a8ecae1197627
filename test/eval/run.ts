import { allCases } from './all-cases.js'
import { sampleData, telcoData } from './eval-data.js'
import { runCases, score, tally, type CaseResult, type Tally } from './run-eval.js'

/**
 * `npm run eval`: the question set through the real chat loop on the sample company and the Telco
 * import. Prints accuracy by category, language and data set, the held-out quarter separately,
 * the failures of the tuning set (held-out failures only with --show-held-out), and ends with
 * `eval: N/M correct (P%)`. `--only <id-prefix>` runs a subset.
 */
async function main() {
  const args = process.argv.slice(2)
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined
  const showHeldOut = args.includes('--show-held-out')
  const cases = allCases.filter((c) => !only || c.id.startsWith(only))
  const results: CaseResult[] = []
  const sampleCases = cases.filter((c) => c.dataset === 'sample')
  if (sampleCases.length) results.push(...(await runCases(sampleCases, await sampleData())))
  const telcoCases = cases.filter((c) => c.dataset === 'telco')
  let skipped = 0
  if (telcoCases.length) {
    const telco = await telcoData()
    if ('skipped' in telco) {
      skipped = telcoCases.length
      console.log(`telco: SKIPPED ${skipped} cases — ${telco.skipped} (not counted below)`)
    } else results.push(...(await runCases(telcoCases, telco)))
  }
  for (const r of results) {
    if (r.correct || (r.case.heldOut && !showHeldOut)) continue
    console.log(`\n✗ ${r.case.id} [${r.case.category}] ${r.case.turns.map((t) => t.q).join(' → ')}`)
    for (const p of r.problems) console.log(`    ${p}`)
    for (const a of r.answers) console.log(`    answer: ${a.replace(/\n/g, '\n            ').slice(0, 600)}`)
  }
  const heldFailures = results.filter((r) => r.case.heldOut && !r.correct).length
  if (heldFailures && !showHeldOut) console.log(`\n(${heldFailures} held-out failure(s) not shown; --show-held-out to list them)`)
  printTally('by category', tally(results, (r) => r.case.category))
  printTally('by language', tally(results, (r) => r.case.lang))
  printTally('by data set', tally(results, (r) => r.case.dataset))
  printTally('tuning set vs held-out quarter', tally(results, (r) => (r.case.heldOut ? 'held-out' : 'tuning')))
  const ms = results.map((r) => r.ms / r.case.turns.length).sort((a, b) => a - b)
  if (ms.length) console.log(`\nmedian time per question: ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms`)
  if (skipped) console.log(`skipped: ${skipped} Telco cases (data not available)`)
  console.log(`eval: ${score(results)}`)
}

function printTally(title: string, t: Tally) {
  console.log(`\n${title}:`)
  for (const [k, v] of Object.entries(t)) console.log(`  ${k.padEnd(14)} ${String(v.correct).padStart(3)}/${String(v.total).padEnd(3)} ${((100 * v.correct) / v.total).toFixed(1)}%`)
}

await main()
