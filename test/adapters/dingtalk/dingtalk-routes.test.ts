import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDingTalkBot } from '../../../src/adapters/dingtalk/dingtalk-bot.js'
import { trustedWebhook } from '../../../src/adapters/dingtalk/dingtalk-client.js'
import { DINGTALK_MAX_CHARS } from '../../../src/adapters/dingtalk/dingtalk-format.js'
import { dingtalkRoutes } from '../../../src/adapters/dingtalk/dingtalk-routes.js'
import { dingtalkRobotListener } from '../../../src/adapters/dingtalk/dingtalk-stream.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'
import { longAnswer, q1ChurnSteps, STUB_PNG, stubRenderer } from '../bot/bot-test-kit.js'
import type { FakePlatform, PlatformCall } from '../bot/fake-platform.js'
import { APP_KEY, APP_SECRET, dingtalkRequest, robotMessage, startFakeDingTalk } from './fake-dingtalk.js'

let fake: FakePlatform
beforeAll(async () => { fake = await startFakeDingTalk() })
afterAll(async () => { await fake.close() })

const env = (extra: Record<string, string> = {}) => ({ DINGTALK_CLIENT_ID: APP_KEY, DINGTALK_CLIENT_SECRET: APP_SECRET, DINGTALK_MODE: 'http', DINGTALK_API_URL: fake.url, PUBLIC_URL: 'https://churn.example.com', ...extra })
async function dingtalkApp(steps: Parameters<typeof scriptedModel>[0], seen: unknown[][] = []) {
  const { deps } = await testApp(await tinyCompany(), scriptedModel(steps, seen), env())
  const renderer = stubRenderer()
  return { app: dingtalkRoutes(deps, { renderer, connect: false }), deps, renderer }
}
const sentTo = (m: { sessionWebhook: string }) => fake.calls.filter((c) => c.path === '/robot/sendBySession' && c.query.get('session') === new URL(m.sessionWebhook).searchParams.get('session'))
const textOf = (c: PlatformCall) => (c.json.msgtype === 'actionCard' ? c.json.actionCard.text : c.json.markdown.text) as string
const settle = () => new Promise((r) => setTimeout(r, 200))

describe('DingTalk HTTP callback: verification', () => {
  it('refuses a wrong sign, a stale or future timestamp and a missing sign, and runs nothing', async () => {
    const seen: unknown[][] = []
    const { app } = await dingtalkApp([{ text: 'should never run' }], seen)
    const m = robotMessage(fake.url, 'churn?')
    const now = Date.now()
    const wrong = await app.request('/dingtalk/events', dingtalkRequest(m, { secret: 'not-the-secret' }))
    const stale = await app.request('/dingtalk/events', dingtalkRequest(m, { ts: now - 61 * 60_000 }))
    const future = await app.request('/dingtalk/events', dingtalkRequest(m, { ts: now + 61 * 60_000 }))
    const missing = await app.request('/dingtalk/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(m) })
    for (const res of [wrong, stale, future, missing]) expect(res.status).toBe(401)
    // Within the hour of skew DingTalk allows, a correctly signed callback is accepted.
    expect((await app.request('/dingtalk/events', dingtalkRequest(robotMessage(fake.url, ''), { ts: now - 50 * 60_000 }))).status).toBe(200)
    await settle()
    expect(seen).toHaveLength(0)
    expect(sentTo(m)).toHaveLength(0)
  })

  it('only posts to DingTalk session webhook hosts (or the configured API origin)', () => {
    const cfg = { webhookHosts: ['oapi.dingtalk.com'], apiUrl: 'https://oapi.dingtalk.com' }
    expect(trustedWebhook('https://oapi.dingtalk.com/robot/sendBySession?session=x', cfg)).toBe(true)
    expect(trustedWebhook('https://evil.example.com/robot/sendBySession', cfg)).toBe(false)
    expect(trustedWebhook('http://oapi.dingtalk.com/robot/sendBySession', cfg)).toBe(false)
  })
})

describe('DingTalk: @-mention → answer through the session webhook', () => {
  it('answers in English with an ActionCard (text, period, definition, "How was this computed?" button), then the chart as uploaded media', async () => {
    const seen: unknown[][] = []
    const { app, renderer } = await dingtalkApp(q1ChurnSteps('en', 'Monthly churn in Q1 2026: **0%** in January, **33.33%** in February and March.'), seen)
    const m = robotMessage(fake.url, 'What was monthly churn in Q1 2026?')
    const started = Date.now()
    const res = await app.request('/dingtalk/events', dingtalkRequest(m))
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(3000)
    await fake.waitFor(() => sentTo(m).length >= 2)
    expect((seen[0] as Array<{ content: unknown }>).at(-1)).toEqual({ role: 'user', content: [{ type: 'text', text: 'What was monthly churn in Q1 2026?' }] })
    const [answer, chart] = sentTo(m)
    expect(answer.json.msgtype).toBe('actionCard')
    expect(answer.json.actionCard.text).toContain('Monthly churn in Q1 2026: **0%** in January, **33.33%** in February and March.')
    expect(answer.json.actionCard.text).toContain('**Period:** 2026-01-01 – 2026-03-31')
    expect(answer.json.actionCard.text).toMatch(/\*\*Definition:\*\* .*subscription/i)
    expect(answer.json.actionCard.singleTitle).toBe('How was this computed?')
    expect(answer.json.actionCard.singleURL).toMatch(/^https:\/\/churn\.example\.com\/answers\/[0-9a-f-]{36}#turn-1$/)
    expect(renderer.specs[0]).toMatchObject({ type: 'line', x: ['2026-01', '2026-02', '2026-03'], series: [{ values: [0, 33.33, 33.33] }] })
    const upload = fake.to('/media/upload').at(-1)!
    expect(upload.query.get('type')).toBe('image')
    expect((upload.form?.media as { bytes: Buffer } | undefined)?.bytes.equals(STUB_PNG)).toBe(true)
    expect(chart.json.msgtype).toBe('markdown')
    expect(chart.json.markdown.text).toMatch(/!\[[^\]]*\]\(@lADPtest\d+\)/)
  })

  it('answers in Chinese with Chinese labels; a follow-up from the same person in the group continues the conversation', async () => {
    const seen: unknown[][] = []
    const { app } = await dingtalkApp([...q1ChurnSteps('zh', '二月和三月的流失率均为33.33%。'), { text: '一月没有客户流失。' }], seen)
    const m1 = robotMessage(fake.url, '第一季度每月流失率？', { user: 'zh-manager', conversationId: 'cid-zh' })
    await app.request('/dingtalk/events', dingtalkRequest(m1))
    await fake.waitFor(() => sentTo(m1).length >= 2)
    const card = sentTo(m1)[0].json.actionCard
    expect(card.text).toContain('二月和三月的流失率均为33.33%。')
    expect(card.text).toContain('**期间:** 2026-01-01 – 2026-03-31')
    expect(card.singleTitle).toBe('计算过程')
    const m2 = robotMessage(fake.url, '一月呢？', { user: 'zh-manager', conversationId: 'cid-zh' })
    await app.request('/dingtalk/events', dingtalkRequest(m2))
    await fake.waitFor(() => sentTo(m2).length >= 1)
    expect((seen.at(-1) as Array<{ role: string }>).filter((x) => x.role === 'user')).toHaveLength(2)
    expect(sentTo(m2)[0].json.actionCard.singleURL).toMatch(/#turn-2$/)
  })

  it('answers a redelivered message (same msgId) once', async () => {
    const seen: unknown[][] = []
    const { app } = await dingtalkApp([{ text: 'Once.' }, { text: 'Twice?!' }], seen)
    const m = robotMessage(fake.url, 'How many customers?')
    await app.request('/dingtalk/events', dingtalkRequest(m))
    await app.request('/dingtalk/events', dingtalkRequest(m))
    await fake.waitFor(() => sentTo(m).length >= 1)
    await settle()
    expect(sentTo(m)).toHaveLength(1)
    expect(seen).toHaveLength(1)
  })

  it('splits a long answer into numbered Markdown messages within the limit, the last an ActionCard, losing no text', async () => {
    const text = longAnswer(12_000)
    const { app } = await dingtalkApp([{ text }])
    const m = robotMessage(fake.url, 'Tell me everything', { group: false })
    await app.request('/dingtalk/events', dingtalkRequest(m))
    await fake.waitFor(() => sentTo(m).some((c) => c.json.msgtype === 'actionCard'))
    const sent = sentTo(m)
    expect(sent.length).toBeGreaterThan(3)
    expect(sent.slice(0, -1).every((c) => c.json.msgtype === 'markdown')).toBe(true)
    for (const c of sent) expect(textOf(c).length).toBeLessThanOrEqual(DINGTALK_MAX_CHARS + 400)
    const all = sent.map(textOf).join('\n')
    expect(text.split('\n\n').filter((p) => !all.includes(p.trim()))).toEqual([])
    expect(all).toContain(`(1/${sent.length})`)
  })
})

describe('DingTalk Stream mode', () => {
  it('the robot-topic listener acks at once and answers through the session webhook', async () => {
    const { deps } = await testApp(await tinyCompany(), scriptedModel(q1ChurnSteps('en', 'Churn was 33.33% in February.')), env({ DINGTALK_MODE: 'stream' }))
    const bot = createDingTalkBot(deps, { renderer: stubRenderer() })!
    const acks: Array<[string, unknown]> = []
    const m = robotMessage(fake.url, 'Monthly churn in Q1 2026?')
    // As dingtalk-stream delivers a robot message: a downstream frame whose data is the message JSON.
    dingtalkRobotListener(bot, (id, r) => acks.push([id, r]))({ specVersion: '1.0', type: 'CALLBACK', headers: { appId: 'app', connectionId: 'conn', contentType: 'application/json', messageId: 'stream-msg-1', time: String(Date.now()), topic: '/v1.0/im/bot/messages/get' }, data: JSON.stringify(m) })
    expect(acks).toEqual([['stream-msg-1', { status: 'SUCCESS' }]])
    await fake.waitFor(() => sentTo(m).length >= 2)
    expect(sentTo(m)[0].json.actionCard.text).toContain('Churn was 33.33% in February.')
    expect(sentTo(m)[1].json.markdown.text).toContain('@lADPtest')
  })
})
