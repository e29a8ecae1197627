import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { feishuDispatcher } from '../../../src/adapters/feishu/feishu-long-connection.js'
import { createFeishuBot } from '../../../src/adapters/feishu/feishu-bot.js'
import { feishuRoutes } from '../../../src/adapters/feishu/feishu-routes.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'
import { longAnswer, q1ChurnSteps, STUB_PNG, stubRenderer } from '../bot/bot-test-kit.js'
import type { FakePlatform } from '../bot/fake-platform.js'
import { APP_ID, APP_SECRET, ENCRYPT_KEY, encryptLikeFeishu, feishuRequest, messageEvent, startFakeFeishu, VERIFICATION_TOKEN } from './fake-feishu.js'

let fake: FakePlatform
beforeAll(async () => { fake = await startFakeFeishu() })
afterAll(async () => { await fake.close() })

const env = (extra: Record<string, string> = {}) => ({
  FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: APP_SECRET, FEISHU_MODE: 'http', FEISHU_API_URL: fake.url,
  FEISHU_ENCRYPT_KEY: ENCRYPT_KEY, FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN, PUBLIC_URL: 'https://churn.example.com', ...extra,
})
async function feishuApp(steps: Parameters<typeof scriptedModel>[0], seen: unknown[][] = [], extra: Record<string, string> = {}) {
  const { deps } = await testApp(await tinyCompany(), scriptedModel(steps, seen), env(extra))
  const renderer = stubRenderer()
  return { app: feishuRoutes(deps, { renderer, connect: false }), deps, renderer }
}
const repliesTo = (messageId: string) => fake.to(`/open-apis/im/v1/messages/${messageId}/reply`)
const cardOf = (call: { json?: any }) => JSON.parse(call.json.content) as { schema: string; body: { elements: Array<Record<string, any>> } }
const settle = () => new Promise((r) => setTimeout(r, 200))

describe('Feishu event subscription: verification', () => {
  it('answers the encrypted URL challenge, and refuses one with the wrong verification token', async () => {
    const { app } = await feishuApp([{ text: 'x' }])
    const ok = await app.request('/feishu/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encrypt: encryptLikeFeishu(JSON.stringify({ challenge: 'ajls384kdjx98XX', token: VERIFICATION_TOKEN, type: 'url_verification' })) }) })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ challenge: 'ajls384kdjx98XX' })
    const bad = await app.request('/feishu/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encrypt: encryptLikeFeishu(JSON.stringify({ challenge: 'c', token: 'wrong', type: 'url_verification' })) }) })
    expect(bad.status).toBe(401)
  })

  it('answers a plaintext challenge when no Encrypt Key is configured (token checked)', async () => {
    const { app } = await feishuApp([{ text: 'x' }], [], { FEISHU_ENCRYPT_KEY: '' })
    const res = await app.request('/feishu/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challenge: 'plain-1', token: VERIFICATION_TOKEN, type: 'url_verification' }) })
    expect(await res.json()).toEqual({ challenge: 'plain-1' })
    const forged = await app.request('/feishu/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...messageEvent('churn?'), header: { ...messageEvent('x').header, token: 'guess' } }) })
    expect(forged.status).toBe(401)
  })

  it('refuses a forged signature, a body encrypted with another key and plaintext, and runs nothing', async () => {
    const seen: unknown[][] = []
    const { app } = await feishuApp([{ text: 'should never run' }], seen)
    const ev = messageEvent('What was churn?', { messageId: 'om_forged' })
    const forged = await app.request('/feishu/events', feishuRequest(ev, { forge: true }))
    const otherKey = await app.request('/feishu/events', feishuRequest(ev, { key: 'another-key' }))
    const plain = await app.request('/feishu/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ev) })
    for (const res of [forged, otherKey, plain]) expect(res.status).toBe(401)
    await settle()
    expect(seen).toHaveLength(0)
    expect(repliesTo('om_forged')).toHaveLength(0)
  })
})

describe('Feishu: @-mention → card replies in the thread', () => {
  it('answers in English with a JSON 2.0 card (text, period/definition, link), then uploads the chart and posts it as an image card', async () => {
    const seen: unknown[][] = []
    const { app, renderer } = await feishuApp(q1ChurnSteps('en', 'Monthly churn in Q1 2026: **0%** in January, **33.33%** in February and March.'), seen)
    const started = Date.now()
    const res = await app.request('/feishu/events', feishuRequest(messageEvent('What was monthly churn in Q1 2026?', { messageId: 'om_en_1' })))
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(3000)
    await fake.waitFor(() => repliesTo('om_en_1').length >= 2)
    // The model got the question without the mention placeholder.
    expect((seen[0] as Array<{ content: unknown }>).at(-1)).toEqual({ role: 'user', content: [{ type: 'text', text: 'What was monthly churn in Q1 2026?' }] })
    const [answer, chart] = repliesTo('om_en_1')
    expect(answer.headers.authorization).toBe('Bearer t-test-tenant-token')
    expect(answer.json).toMatchObject({ msg_type: 'interactive', reply_in_thread: true })
    const card = cardOf(answer)
    expect(card.schema).toBe('2.0')
    expect(card.body.elements[0]).toEqual({ tag: 'markdown', content: 'Monthly churn in Q1 2026: **0%** in January, **33.33%** in February and March.' })
    const all = JSON.stringify(card.body.elements)
    expect(all).toContain('**Period:** 2026-01-01 – 2026-03-31')
    expect(all).toMatch(/\*\*Definition:\*\* [^"]*subscription/i)
    expect(all).toMatch(/\[How was this computed\?\]\(https:\/\/churn\.example\.com\/answers\/[0-9a-f-]{36}#turn-1\)/)
    // Hand-checked on the tiny company: Jan 0 of 2 churned, Feb 1 of 3, Mar 1 of 3.
    expect(renderer.specs[0]).toMatchObject({ type: 'line', x: ['2026-01', '2026-02', '2026-03'], series: [{ values: [0, 33.33, 33.33] }], unit: '%' })
    const upload = fake.to('/open-apis/im/v1/images').at(-1)!
    expect(upload.form?.image_type).toBe('message')
    expect((upload.form?.image as { bytes: Buffer } | undefined)?.bytes.equals(STUB_PNG)).toBe(true)
    const img = cardOf(chart).body.elements[0]
    expect(img).toMatchObject({ tag: 'img', img_key: expect.stringMatching(/^img_v3_test_/) })
    expect(img.alt.content).toContain('2026-02: 33.33%')
  })

  it('answers in Chinese with Chinese labels, and continues the conversation for a reply in the thread', async () => {
    const seen: unknown[][] = []
    const { app } = await feishuApp([...q1ChurnSteps('zh', '二月和三月的流失率均为33.33%。'), { text: '一月没有客户流失。' }], seen)
    await app.request('/feishu/events', feishuRequest(messageEvent('第一季度每月流失率？', { messageId: 'om_zh_1' })))
    await fake.waitFor(() => repliesTo('om_zh_1').length >= 2)
    const all = JSON.stringify(cardOf(repliesTo('om_zh_1')[0]).body.elements)
    expect(all).toContain('二月和三月的流失率均为33.33%。')
    expect(all).toContain('**期间:** 2026-01-01 – 2026-03-31')
    expect(all).toContain('[计算过程](https://churn.example.com/answers/')
    // A reply inside the thread carries the first message as root_id: same conversation, answered in the thread.
    await app.request('/feishu/events', feishuRequest(messageEvent('一月呢？', { messageId: 'om_zh_2', rootId: 'om_zh_1' })))
    await fake.waitFor(() => repliesTo('om_zh_2').length >= 1)
    const history = seen.at(-1) as Array<{ role: string }>
    expect(history.filter((m) => m.role === 'user')).toHaveLength(2)
    expect(JSON.stringify(cardOf(repliesTo('om_zh_2')[0]))).toContain('#turn-2')
  })

  it('answers a redelivered event (same event_id) once', async () => {
    const seen: unknown[][] = []
    const { app } = await feishuApp([{ text: 'Once.' }, { text: 'Twice?!' }], seen)
    const ev = messageEvent('How many customers?', { messageId: 'om_dup' })
    const a = await app.request('/feishu/events', feishuRequest(ev))
    const b = await app.request('/feishu/events', feishuRequest(ev))
    expect([a.status, b.status]).toEqual([200, 200])
    await fake.waitFor(() => repliesTo('om_dup').length >= 1)
    await settle()
    expect(repliesTo('om_dup')).toHaveLength(1)
    expect(seen).toHaveLength(1)
  })

  it('splits a long answer into numbered cards, each within the 30 KB card limit, losing no text', async () => {
    const text = longAnswer(60_000)
    const { app } = await feishuApp([{ text }])
    await app.request('/feishu/events', feishuRequest(messageEvent('Tell me everything', { messageId: 'om_long', chatType: 'p2p' })))
    await fake.waitFor(() => JSON.stringify(repliesTo('om_long').map((c) => c.json)).includes('How was this computed'))
    const cards = repliesTo('om_long')
    expect(cards.length).toBeGreaterThan(2)
    // A direct chat has no threads: plain replies to the question.
    for (const c of cards) expect(c.json.reply_in_thread).toBe(false)
    for (const c of cards) expect(Buffer.byteLength(JSON.stringify(c.json))).toBeLessThanOrEqual(30 * 1024)
    const markdown = cards.flatMap((c) => cardOf(c).body.elements.filter((e) => e.tag === 'markdown').map((e) => e.content as string)).join('\n')
    const missing = text.split("\n\n").filter((p) => !markdown.includes(p.trim()))
    expect(missing).toEqual([])
    expect(markdown).toContain(`(1/${cards.length})`)
  })

  it('puts a Markdown table in a native table element', async () => {
    const { app } = await feishuApp([{ text: 'By plan:\n\n| Plan | Churn |\n|---|---|\n| Starter | 6.0% |\n| Pro | 2.1% |' }])
    await app.request('/feishu/events', feishuRequest(messageEvent('Churn by plan', { messageId: 'om_table' })))
    await fake.waitFor(() => repliesTo('om_table').length >= 1)
    const table = cardOf(repliesTo('om_table')[0]).body.elements.find((e) => e.tag === 'table')!
    expect(table.columns.map((c: { display_name: string }) => c.display_name)).toEqual(['Plan', 'Churn'])
    expect(table.rows).toEqual([{ c0: 'Starter', c1: '6.0%' }, { c0: 'Pro', c1: '2.1%' }])
  })
})

describe('Feishu long connection', () => {
  it('the dispatcher the WSClient calls answers an im.message.receive_v1 event in its thread', async () => {
    const { deps } = await testApp(await tinyCompany(), scriptedModel(q1ChurnSteps('en', 'Churn was 33.33% in February.')), env({ FEISHU_MODE: 'ws' }))
    const bot = createFeishuBot(deps, { renderer: stubRenderer() })!
    // The SDK's WSClient decodes each frame and calls invoke(event, { needCheck: false }).
    const started = Date.now()
    await feishuDispatcher(bot).invoke(messageEvent('Monthly churn in Q1 2026?', { messageId: 'om_ws_1' }), { needCheck: false })
    expect(Date.now() - started).toBeLessThan(3000)
    await fake.waitFor(() => repliesTo('om_ws_1').length >= 2)
    expect(JSON.stringify(cardOf(repliesTo('om_ws_1')[0]))).toContain('Churn was 33.33% in February.')
    expect(cardOf(repliesTo('om_ws_1')[1]).body.elements[0].tag).toBe('img')
  })

  it('in ws mode the HTTP route says to switch modes instead of accepting events', async () => {
    const { app } = await feishuApp([{ text: 'x' }], [], { FEISHU_MODE: 'ws' })
    expect((await app.request('/feishu/events', feishuRequest(messageEvent('x')))).status).toBe(503)
  })
})
