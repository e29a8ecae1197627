import { createApp } from '../../src/app.js'
import { sampleData } from './eval-data.js'

/**
 * `npx tsx test/eval/measure-latency.ts [n]`: median and p90 wall time of POST /api/ask with the
 * offline analyst on the sample company (5,000 customers), over n requests (default 50) cycling
 * through typical questions, each in a new conversation.
 */
const questions = [
  'What was our churn rate last quarter by plan?',
  '上个季度各地区的流失率是多少？为什么流失？',
  'How has churn trended over the last 12 months?',
  'How do churned customers differ from the ones who stayed?',
  '客户怎么评价客服？',
  'Which region has the highest churn rate?',
  '今年以来的净收入留存率是多少？',
  'Why are customers leaving?',
  'Compare Starter and Enterprise customers',
  'List all customer emails',
]
const n = Number(process.argv[2] ?? 50)
const { deps } = await sampleData()
const app = createApp(deps)
const times: number[] = []
for (let i = 0; i < n; i++) {
  const started = performance.now()
  const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: questions[i % questions.length] }) })
  await res.json()
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`)
  times.push(performance.now() - started)
}
times.sort((a, b) => a - b)
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0)
console.log(`/api/ask offline analyst, sample company, ${n} requests: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`)
