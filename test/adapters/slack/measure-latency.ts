/**
 * Measures the Slack bot's latency against the fake Slack Web API, over real HTTP on 127.0.0.1:
 * request → acknowledgement, → answer posted (chat.postMessage), → chart attached (completeUploadExternal).
 * Run: npx tsx test/adapters/slack/measure-latency.ts [runs] [--sample]   (charts: the CHART_RENDERER renderer, browser-free by default)
 * --sample adds runs of the offline model on the generated 5,000-customer sample company.
 */
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { sharedChartRenderer } from '../../../src/chart/shared-chart-renderer.js'
import { openDatabase, type Db } from '../../../src/db/open-database.js'
import { generateSampleCompany } from '../../../src/db/sample/generate-sample-company.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'
import { startFakeSlack } from './fake-slack.js'
import { mentionEvent, signed } from './slack-request.js'
import { slackEnv } from './slack-test-app.js'

const runs = Number(process.argv[2] ?? 7)
const withSample = process.argv.includes('--sample')
const fake = await startFakeSlack()
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function measure(label: string, withModel: boolean, question: string, makeDb: () => Promise<Db> = tinyCompany) {
  const rows: Array<{ ack: number; posted: number; chart: number | null }> = []
  for (let i = 0; i < runs; i++) {
    const model = withModel
      ? scriptedModel([{ tool: 'query_metric', input: { metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, grain: 'month' } }, { text: 'Churn was 0%, 33.33% and 33.33% in Jan–Mar 2026.' }])
      : undefined
    const { app } = await testApp(await makeDb(), model, slackEnv(fake))
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((r) => server.once('listening', r))
    const port = (server.address() as AddressInfo).port
    const channel = `C-${label}-${i}`
    const t0 = performance.now()
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, signed(JSON.stringify(mentionEvent(question, { channel }))))
    const ack = performance.now() - t0
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`)
    await fake.waitFor(() => fake.of('chat.postMessage').some((c) => c.args.channel === channel), 60_000)
    const posted = fake.of('chat.postMessage').find((c) => c.args.channel === channel)!.at - (Date.now() - performance.now() + t0)
    let chart: number | null = null
    try {
      await fake.waitFor(() => fake.of('files.completeUploadExternal').some((c) => c.args.channel_id === channel) || fake.of('chat.postMessage').filter((c) => c.args.channel === channel).length > 1, 60_000)
      const done = fake.of('files.completeUploadExternal').find((c) => c.args.channel_id === channel)
      chart = done ? done.at - (Date.now() - performance.now() + t0) : null
    } catch {
      chart = null
    }
    rows.push({ ack, posted, chart })
    server.close()
  }
  const fmt = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(0)} ms`)
  const charts = rows.map((r) => r.chart).filter((c): c is number => c !== null)
  console.log(`${label}: ${runs} runs`)
  console.log(`  ack     median ${fmt(median(rows.map((r) => r.ack)))}  (all: ${rows.map((r) => r.ack.toFixed(0)).join(', ')})`)
  console.log(`  posted  median ${fmt(median(rows.map((r) => r.posted)))}  (all: ${rows.map((r) => r.posted.toFixed(0)).join(', ')})`)
  console.log(`  chart   median ${fmt(charts.length ? median(charts) : null)}  (all: ${rows.map((r) => (r.chart === null ? '-' : r.chart.toFixed(0))).join(', ')}; first run includes loading the renderer)`)
}

await measure('scripted', true, 'What was monthly churn in Q1 2026?')
await measure('offline', false, 'What was monthly churn in Q1 2026?')
if (withSample) {
  const db = await openDatabase(':memory:')
  await generateSampleCompany(db)
  await measure('offline-sample', false, 'Show monthly churn rate for the last 12 months', async () => db)
}
await sharedChartRenderer().close()
await fake.close()
