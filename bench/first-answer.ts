/**
 * From a raw public file to a first right answer, as a new user does it: `churn-insight import <file> --yes`
 * (inferred mapping, no edits), then `churn-insight ask "What is our overall churn rate?"`, timed as wall clock
 * of the real CLI, with the truth script's overall figure beside. Reads ../shared/data/external (skips without it).
 * npm run bench:first-answer
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const external = join(root, '..', 'shared', 'data', 'external')
const sets: Array<{ name: string; paths: string[]; truthKey: string; question: string }> = [
  { name: 'telco-cognos', paths: ['ibm-telco-churn-cognos/Telco_customer_churn.csv'], truthKey: 'overall', question: 'What is our overall churn rate?' },
  { name: 'telco-11', paths: ['ibm-telco-churn-11.1.3'], truthKey: 'overall_rate', question: 'What is our overall churn rate?' },
  { name: 'telco-kaggle21', paths: ['ibm-telco-churn-kaggle21/Telco-Customer-Churn.csv'], truthKey: 'overall', question: 'What is our overall churn rate?' },
  { name: 'bankchurners', paths: ['bankchurners-credit-card/BankChurners.csv'], truthKey: 'churn_rate', question: '整体流失率是多少？' },
  { name: 'telco-spss-cn', paths: ['telco-spss-cn/Telephone.csv'], truthKey: 'churn_rate', question: '整体流失率是多少？' },
  { name: 'ravenstack', paths: ['ravenstack-saas-churn'], truthKey: 'churn_rate_accounts', question: 'How many accounts have churned?' },
]

if (!existsSync(external)) {
  console.log(`skipped: ${external} is not here (only on CI and dev machines)`)
  process.exit(0)
}
const cli = join(root, 'bin', 'churn-insight.js')
const tmp = mkdtempSync(join(tmpdir(), 'churn-first-answer-'))
const rows: string[] = ['| data set | rows | import | first answer | total | answer (first line) | truth |', '| --- | ---: | ---: | ---: | ---: | --- | --- |']
try {
  for (const s of sets) {
    const env = { ...process.env, DATABASE_URL: join(tmp, `${s.name}.db`), LOG_LEVEL: 'silent' }
    const t0 = performance.now()
    const imported = execFileSync('node', [cli, 'import', ...s.paths.map((p) => join(external, p)), '--yes', '--out', join(tmp, `${s.name}.mapping.json`)], { env, encoding: 'utf8' })
    const t1 = performance.now()
    const answer = execFileSync('node', [cli, 'ask', s.question], { env, encoding: 'utf8' })
    const t2 = performance.now()
    const customers = /([\d,]+) customers/.exec(imported)?.[1] ?? '?'
    const truth = JSON.parse(readFileSync(join(root, 'test', 'eval', 'external', s.name, 'truth.json'), 'utf8'))[s.truthKey]
    const figures: Array<{ label: string; unit: string; value: number }> = truth?.figures ?? []
    const truthText = figures.map((f) => `${f.label} ${f.unit === 'percent' ? `${f.value.toFixed(1)}%` : f.value.toLocaleString('en-US')}`).join(', ')
    const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    rows.push(`| ${s.name} | ${customers} | ${s1(t1 - t0)} | ${s1(t2 - t1)} | ${s1(t2 - t0)} | ${answer.split('\n')[0].slice(0, 110)} | ${truthText} |`)
    console.error(`${s.name}: ${s1(t2 - t0)}`)
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
console.log(rows.join('\n'))
