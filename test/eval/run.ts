import { allCases } from './all-cases.js'
import { sampleData } from './eval-data.js'
import { externalData } from './external/external-data.js'
import { externalSetNames, hasShared, loadExternalSet } from './external/external-set.js'
import { runExternalSet } from './external/run-external.js'
import { runCases } from './run-eval.js'

/** One answered case, whichever harness ran it. */
type Outcome = { id: string; dataset: string; lang: string; category: string; heldOut: boolean; correct: boolean; problems: string[]; questions: string[]; answers: string[]; ms: number }
type Tally = Record<string, { correct: number; total: number }>

/**
 * `npm run eval`: the sample company's question set (checked against independent SQL) and the
 * external sets over public data (checked against truth.json from each set's truth.py), all through
 * the real chat loop. Prints accuracy per data set, language, category and the held-out quarter,
 * the tuning-set failures (held-out failures with --show-held-out), and ends with `eval: N/M correct (P%)`.
 * `--only <prefix>` runs cases whose id starts with it; `--set <name>` runs one external set (or `sample`).
 */
async function main() {
  const args = process.argv.slice(2)
  const flag = (k: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined)
  const only = flag('--only')
  const onlySet = flag('--set')
  const showHeldOut = args.includes('--show-held-out')
  const outcomes: Outcome[] = []
  const skipped: string[] = []
  if (!onlySet || onlySet === 'sample') {
    const cases = allCases.filter((c) => c.dataset === 'sample' && (!only || c.id.startsWith(only)))
    if (cases.length) {
      for (const r of await runCases(cases, await sampleData())) {
        outcomes.push({ id: r.case.id, dataset: 'sample', lang: r.case.lang, category: r.case.category, heldOut: !!r.case.heldOut, correct: r.correct, problems: r.problems, questions: r.case.turns.map((t) => t.q), answers: r.answers, ms: r.ms / r.case.turns.length })
      }
    }
  }
  for (const name of externalSetNames) {
    if (onlySet && onlySet !== name) continue
    const set = loadExternalSet(name)
    set.cases = set.cases.filter((c) => !only || c.id.startsWith(only))
    if (!set.cases.length) continue
    if (!hasShared) { skipped.push(`${name}: ../shared/data/external is not here`); continue }
    const data = await externalData(name)
    if ('skipped' in data) { skipped.push(`${name}: ${data.skipped} (${set.cases.length} cases not counted)`); continue }
    for (const r of await runExternalSet(set, data)) {
      outcomes.push({ id: r.case.id, dataset: name, lang: r.case.lang, category: r.case.category, heldOut: r.case.heldOut, correct: r.correct, problems: r.problems, questions: r.case.turns.map((t) => t.q), answers: r.answers, ms: r.ms / r.case.turns.length })
    }
  }
  for (const o of outcomes) {
    if (o.correct || (o.heldOut && !showHeldOut)) continue
    console.log(`\n✗ ${o.id} [${o.category}] ${o.questions.join(' → ')}`)
    for (const p of o.problems) console.log(`    ${p}`)
    for (const a of o.answers) console.log(`    answer: ${a.replace(/\n/g, '\n            ').slice(0, 700)}`)
  }
  const heldFailures = outcomes.filter((o) => o.heldOut && !o.correct).length
  if (heldFailures && !showHeldOut) console.log(`\n(${heldFailures} held-out failure(s) not shown; --show-held-out to list them)`)
  printTally('by data set', tally(outcomes, (o) => o.dataset))
  printTally('by data set and language', tally(outcomes, (o) => `${o.dataset} ${o.lang}`))
  printTally('by category', tally(outcomes, (o) => o.category))
  printTally('by language', tally(outcomes, (o) => o.lang))
  printTally('tuning set vs held-out quarter', tally(outcomes, (o) => (o.heldOut ? 'held-out' : 'tuning')))
  printTally('held-out quarter by data set', tally(outcomes.filter((o) => o.heldOut), (o) => o.dataset))
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b)
  if (ms.length) console.log(`\nmedian time per question: ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms`)
  for (const s of skipped) console.log(`skipped: ${s}`)
  const n = outcomes.filter((o) => o.correct).length
  console.log(`eval: ${n}/${outcomes.length} correct (${outcomes.length ? ((100 * n) / outcomes.length).toFixed(1) : '0.0'}%)`)
}

function tally(outcomes: Outcome[], key: (o: Outcome) => string): Tally {
  const t: Tally = {}
  for (const o of outcomes) {
    const k = key(o)
    t[k] ??= { correct: 0, total: 0 }
    t[k].total++
    if (o.correct) t[k].correct++
  }
  return t
}

function printTally(title: string, t: Tally) {
  console.log(`\n${title}:`)
  for (const [k, v] of Object.entries(t)) console.log(`  ${k.padEnd(22)} ${String(v.correct).padStart(3)}/${String(v.total).padEnd(3)} ${((100 * v.correct) / v.total).toFixed(1)}%`)
}

await main()
