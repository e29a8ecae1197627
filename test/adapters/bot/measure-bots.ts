/**
 * Measures every chat bot against its fake platform over real HTTP on 127.0.0.1: request →
 * acknowledgement, → answer posted, → chart posted (rendered by the browser-free SVG → PNG renderer).
 * Run: npx tsx test/adapters/bot/measure-bots.ts [runs=7] [--scripted]
 * The offline model answers by default; --scripted uses a scripted model (no question parsing).
 */
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { sharedChartRenderer } from '../../../src/chart/shared-chart-renderer.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'
import { dingtalkRequest, robotMessage, startFakeDingTalk, APP_KEY, APP_SECRET } from '../dingtalk/fake-dingtalk.js'
import { APP_ID, APP_SECRET as FEISHU_SECRET, ENCRYPT_KEY, feishuRequest, messageEvent, startFakeFeishu, VERIFICATION_TOKEN } from '../feishu/fake-feishu.js'
import { startFakeSlack } from '../slack/fake-slack.js'
import { mentionEvent, signed } from '../slack/slack-request.js'
import { slackEnv } from '../slack/slack-test-app.js'
import { AES_KEY, AGENT_ID, CORP_ID, SECRET as WECOM_SECRET, signedQuery, startFakeWecom, textMessage, TOKEN } from '../wecom/fake-wecom.js'
import { median } from './bot-test-kit.js'

const runs = Number(process.argv[2] ?? 7)
const scripted = process.argv.includes('--scripted')
const question = 'What was monthly churn in Q1 2026?'
const [slack, feishu, dingtalk, wecom] = await Promise.all([startFakeSlack(), startFakeFeishu(), startFakeDingTalk(), startFakeWecom()])
const env = {
  ...slackEnv(slack),
  FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: FEISHU_SECRET, FEISHU_MODE: 'http', FEISHU_API_URL: feishu.url, FEISHU_ENCRYPT_KEY: ENCRYPT_KEY, FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
  DINGTALK_CLIENT_ID: APP_KEY, DINGTALK_CLIENT_SECRET: APP_SECRET, DINGTALK_MODE: 'http', DINGTALK_API_URL: dingtalk.url,
  WECOM_CORP_ID: CORP_ID, WECOM_AGENT_ID: AGENT_ID, WECOM_SECRET, WECOM_TOKEN: TOKEN, WECOM_ENCODING_AES_KEY: AES_KEY, WECOM_API_URL: wecom.url,
  LOG_LEVEL: 'silent',
}

/** One platform: how to send the i-th question, and when its answer and chart have arrived (fake-server timestamps). */
type Platform = { name: string; send(base: string, i: number): Promise<Response>; answered(i: number): number | undefined; charted(i: number): number | undefined }
const slackChannel = (i: number) => `C-measure-${i}`
const dtMessages: Array<ReturnType<typeof robotMessage>> = []
const platforms: Platform[] = [
  {
    name: 'slack',
    send: (base, i) => fetch(`${base}/slack/events`, signed(JSON.stringify(mentionEvent(question, { channel: slackChannel(i) })))),
    answered: (i) => slack.of('chat.postMessage').find((c) => c.args.channel === slackChannel(i))?.at,
    charted: (i) => slack.of('files.completeUploadExternal').find((c) => c.args.channel_id === slackChannel(i))?.at,
  },
  {
    name: 'feishu',
    send: (base, i) => fetch(`${base}/feishu/events`, feishuRequest(messageEvent(question, { messageId: `om_measure_${i}` }))),
    answered: (i) => feishu.to(`/open-apis/im/v1/messages/om_measure_${i}/reply`)[0]?.at,
    charted: (i) => feishu.to(`/open-apis/im/v1/messages/om_measure_${i}/reply`).find((c) => c.json.content.includes('"img"'))?.at,
  },
  {
    name: 'dingtalk',
    send: (base, i) => {
      dtMessages[i] = robotMessage(dingtalk.url, question, { conversationId: `cid-measure-${i}` })
      return fetch(`${base}/dingtalk/events`, dingtalkRequest(dtMessages[i]))
    },
    answered: (i) => dingtalk.calls.find((c) => c.path === '/robot/sendBySession' && dtMessages[i] && dtMessages[i].sessionWebhook.endsWith(`session=${c.query.get('session')}`))?.at,
    charted: (i) => dingtalk.calls.find((c) => c.path === '/robot/sendBySession' && dtMessages[i]?.sessionWebhook.endsWith(`session=${c.query.get('session')}`) && c.json.msgtype === 'markdown' && c.json.markdown.text.includes('@lADP'))?.at,
  },
  {
    name: 'wecom',
    send: (base, i) => {
      const m = textMessage(question, { user: `measure-${i}` })
      return fetch(`${base}/wecom/callback?${signedQuery(m.encrypted)}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: m.body })
    },
    answered: (i) => wecom.to('/cgi-bin/message/send').find((c) => c.json.touser === `measure-${i}`)?.at,
    charted: (i) => wecom.to('/cgi-bin/message/send').find((c) => c.json.touser === `measure-${i}` && c.json.msgtype === 'image')?.at,
  },
]

async function until<T>(get: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const v = get()
    if (v !== undefined) return v
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}

const steps = () => scriptedModel([{ tool: 'query_metric', input: { metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, grain: 'month' } }, { text: 'Churn was 0%, 33.33% and 33.33% in Jan–Mar 2026.' }])
console.log(`${runs} runs per platform, ${scripted ? 'scripted' : 'offline'} model, tiny company, browser-free chart renderer`)
for (const p of platforms) {
  const rows: Array<{ ack: number; answer: number; chart: number }> = []
  for (let i = 0; i < runs; i++) {
    const { app } = await testApp(await tinyCompany(), scripted ? steps() : undefined, env)
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((r) => server.once('listening', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const t0 = Date.now()
    const res = await p.send(base, i)
    const ack = Date.now() - t0
    if (res.status !== 200) throw new Error(`${p.name}: HTTP ${res.status} ${await res.text()}`)
    const answer = (await until(() => p.answered(i))) - t0
    const chart = (await until(() => p.charted(i))) - t0
    rows.push({ ack, answer, chart })
    server.close()
  }
  const col = (k: 'ack' | 'answer' | 'chart') => `${k} ${median(rows.map((r) => r[k]))} ms (${rows.map((r) => r[k]).join(', ')})`
  console.log(`${p.name.padEnd(9)} ${col('ack')} | ${col('answer')} | ${col('chart')}`)
}
await sharedChartRenderer('svg').close()
await Promise.all([slack.close(), feishu.close(), dingtalk.close(), wecom.close()])
