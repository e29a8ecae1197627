/**
 * `npm run bench [-- --customers N]`: medians of catalog queries and of /api/ask on a generated
 * sample company, plus ratios taken in the same run (so machine speed cancels out).
 */
import { performance } from 'node:perf_hooks'
import { createApp } from '../src/app.js'
import { buildAppDeps } from '../src/app-deps.js'
import { loadConfig } from '../src/config.js'
import { openDatabase } from '../src/db/open-database.js'
import { generateSampleCompany } from '../src/db/sample/generate-sample-company.js'
import { runMetric, type MetricQuery } from '../src/query/run-metric.js'

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : d
}
const customers = arg('customers', 5000)
const runs = arg('runs', 15)

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

const db = await openDatabase(':memory:')
const gen = await generateSampleCompany(db, { customers })
const rows = Object.values(gen.rows).reduce((a, b) => a + b, 0)
console.log(`sample company: ${gen.customers} customers, ${rows} rows in ${(gen.ms / 1000).toFixed(1)} s (${Math.round(rows / (gen.ms / 1000))} rows/s)`)
const deps = await buildAppDeps(loadConfig({ LOG_LEVEL: 'silent' }), db)
const qd = { db, catalog: deps.chat.catalog(), churn: deps.chat.churn, grossMargin: deps.chat.grossMargin }
const cases: Array<[string, MetricQuery]> = [
  ['churn_rate, last quarter', { metric: 'churn_rate', period: { relative: 'last_quarter' } }],
  ['churn_rate by region, last quarter', { metric: 'churn_rate', period: { relative: 'last_quarter' }, by: ['region'] }],
  ['churn_rate by month, 12 months', { metric: 'churn_rate', period: { relative: 'last_n_months', n: 12 }, grain: 'month' }],
  ['churn_rate by month × plan, 12 months', { metric: 'churn_rate', period: { relative: 'last_n_months', n: 12 }, grain: 'month', by: ['plan'] }],
  ['churn_rate by contract (attribute)', { metric: 'churn_rate', period: { relative: 'last_quarter' }, by: ['contract'] }],
  ['net_revenue_retention by quarter, 2 years', { metric: 'net_revenue_retention', period: { relative: 'last_n_quarters', n: 8 }, grain: 'quarter' }],
  ['ltv_cac_ratio by channel, last year', { metric: 'ltv_cac_ratio', period: { relative: 'last_year' }, by: ['channel'] }],
]
const results: Record<string, number> = {}
console.log(`\nmedian of ${runs} runs (ms):`)
for (const [name, q] of cases) {
  results[name] = await median(() => runMetric(qd, q))
  console.log(`  ${results[name].toFixed(2).padStart(9)}  ${name}`)
}
console.log(`\nratio 12-month trend ÷ single quarter: ${(results[cases[2][0]] / results[cases[0][0]]).toFixed(2)}x`)
console.log(`ratio grouped by region ÷ ungrouped:   ${(results[cases[1][0]] / results[cases[0][0]]).toFixed(2)}x`)

const app = createApp(deps)
const askOnce = (question: string) =>
  Promise.resolve(app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).then((r) => r.json())
const en = await median(() => askOnce('What was our churn rate last quarter by plan?'))
const zh = await median(() => askOnce('上个季度各地区的流失率是多少？'))
console.log(`\n/api/ask (${deps.chat.modelName} model), median: ${en.toFixed(1)} ms (English), ${zh.toFixed(1)} ms (Chinese)`)
await db.destroy()
