import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WECOM_MAX_BYTES } from '../../../src/adapters/wecom/wecom-format.js'
import { wecomRoutes } from '../../../src/adapters/wecom/wecom-routes.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'
import { longAnswer, q1ChurnSteps, STUB_PNG, stubRenderer } from '../bot/bot-test-kit.js'
import type { FakePlatform } from '../bot/fake-platform.js'
import { AES_KEY, AGENT_ID, CORP_ID, encryptLikeWecom, SECRET, signedQuery, startFakeWecom, textMessage, TOKEN } from './fake-wecom.js'

let fake: FakePlatform
beforeAll(async () => { fake = await startFakeWecom() })
afterAll(async () => { await fake.close() })

const env = { WECOM_CORP_ID: CORP_ID, WECOM_AGENT_ID: AGENT_ID, WECOM_SECRET: SECRET, WECOM_TOKEN: TOKEN, WECOM_ENCODING_AES_KEY: AES_KEY, PUBLIC_URL: 'https://churn.example.com' }
async function wecomApp(steps: Parameters<typeof scriptedModel>[0], seen: unknown[][] = []) {
  const { deps } = await testApp(await tinyCompany(), scriptedModel(steps, seen), { ...env, WECOM_API_URL: fake.url })
  const renderer = stubRenderer()
  return { app: wecomRoutes(deps, { renderer }), renderer }
}
const post = (app: Awaited<ReturnType<typeof wecomApp>>['app'], m: { encrypted: string; body: string }, o: { token?: string } = {}) =>
  app.request(`/wecom/callback?${signedQuery(m.encrypted, o)}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: m.body })
const sentTo = (user: string) => fake.to('/cgi-bin/message/send').filter((c) => c.json.touser === user)
const settle = () => new Promise((r) => setTimeout(r, 200))

describe('WeCom callback: URL verification and message checks', () => {
  it('returns the decrypted echostr for a correctly signed GET, and 401 for a forged one', async () => {
    const { app } = await wecomApp([{ text: 'x' }])
    const echostr = encryptLikeWecom('1616140317555161061')
    const ok = await app.request(`/wecom/callback?${signedQuery(echostr, { extra: { echostr } })}`)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe('1616140317555161061')
    expect((await app.request(`/wecom/callback?${signedQuery(echostr, { token: 'wrong', extra: { echostr } })}`)).status).toBe(401)
    // Signed correctly but encrypted for another corp: refused.
    const other = encryptLikeWecom('1616140317555161061', 'wwsomeoneelse')
    expect((await app.request(`/wecom/callback?${signedQuery(other, { extra: { echostr: other } })}`)).status).toBe(401)
  })

  it('refuses a forged msg_signature and a message for another corp, and runs nothing', async () => {
    const seen: unknown[][] = []
    const { app } = await wecomApp([{ text: 'should never run' }], seen)
    expect((await post(app, textMessage('churn?', { user: 'forger' }), { token: 'guess' })).status).toBe(401)
    expect((await post(app, textMessage('churn?', { user: 'forger', receiveId: 'wwother' }))).status).toBe(401)
    await settle()
    expect(seen).toHaveLength(0)
    expect(sentTo('forger')).toHaveLength(0)
  })
})

describe('WeCom: message → markdown answer and chart image as application messages', () => {
  it('acks with an empty body at once, then answers in English (text, period, definition, link) and sends the chart as uploaded media', async () => {
    const seen: unknown[][] = []
    const { app, renderer } = await wecomApp(q1ChurnSteps('en', 'Monthly churn in Q1 2026: **0%** in January, **33.33%** in February and March.'), seen)
    const started = Date.now()
    const res = await post(app, textMessage('What was monthly churn in Q1 2026?', { user: 'en-user' }))
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
    expect(Date.now() - started).toBeLessThan(5000)
    await fake.waitFor(() => sentTo('en-user').length >= 2)
    expect((seen[0] as Array<{ content: unknown }>).at(-1)).toEqual({ role: 'user', content: [{ type: 'text', text: 'What was monthly churn in Q1 2026?' }] })
    const [answer, chart] = sentTo('en-user')
    expect(answer.json).toMatchObject({ touser: 'en-user', agentid: Number(AGENT_ID), msgtype: 'markdown' })
    const md = answer.json.markdown.content as string
    expect(md).toContain('Monthly churn in Q1 2026: **0%** in January, **33.33%** in February and March.')
    expect(md).toContain('**Period:** 2026-01-01 – 2026-03-31')
    expect(md).toMatch(/\[How was this computed\?\]\(https:\/\/churn\.example\.com\/answers\/[0-9a-f-]{36}#turn-1\)/)
    expect(renderer.specs[0]).toMatchObject({ type: 'line', series: [{ values: [0, 33.33, 33.33] }] })
    const upload = fake.to('/cgi-bin/media/upload').at(-1)!
    expect(upload.query.get('type')).toBe('image')
    expect((upload.form?.media as { bytes: Buffer } | undefined)?.bytes.equals(STUB_PNG)).toBe(true)
    expect(chart.json).toMatchObject({ msgtype: 'image', image: { media_id: expect.stringMatching(/^1G6nrLmr5EC3/) } })
  })

  it('answers in Chinese with Chinese labels and continues the person\'s conversation', async () => {
    const seen: unknown[][] = []
    const { app } = await wecomApp([...q1ChurnSteps('zh', '二月和三月的流失率均为33.33%。'), { text: '一月没有客户流失。' }], seen)
    await post(app, textMessage('第一季度每月流失率？', { user: 'zh-user' }))
    await fake.waitFor(() => sentTo('zh-user').length >= 2)
    const md = sentTo('zh-user')[0].json.markdown.content as string
    expect(md).toContain('二月和三月的流失率均为33.33%。')
    expect(md).toContain('**期间:** 2026-01-01 – 2026-03-31')
    expect(md).toContain('[计算过程](https://churn.example.com/answers/')
    await post(app, textMessage('一月呢？', { user: 'zh-user' }))
    await fake.waitFor(() => sentTo('zh-user').length >= 3)
    expect((seen.at(-1) as Array<{ role: string }>).filter((x) => x.role === 'user')).toHaveLength(2)
    expect(sentTo('zh-user')[2].json.markdown.content).toContain('#turn-2')
  })

  it('answers a retried callback (same MsgId) once', async () => {
    const seen: unknown[][] = []
    const { app } = await wecomApp([{ text: 'Once.' }, { text: 'Twice?!' }], seen)
    const m = textMessage('How many customers?', { user: 'dup-user' })
    await post(app, m)
    await post(app, m)
    await fake.waitFor(() => sentTo('dup-user').length >= 1)
    await settle()
    expect(sentTo('dup-user')).toHaveLength(1)
    expect(seen).toHaveLength(1)
  })

  it('splits a long Chinese/English answer into numbered messages of at most 2,048 bytes, losing no text', async () => {
    const text = longAnswer(6000)
    const { app } = await wecomApp([{ text }])
    await post(app, textMessage('Tell me everything', { user: 'long-user' }))
    await fake.waitFor(() => sentTo('long-user').some((c) => String(c.json.markdown?.content).includes('How was this computed')))
    const sent = sentTo('long-user').map((c) => c.json.markdown.content as string)
    expect(sent.length).toBeGreaterThan(3)
    for (const s of sent) expect(Buffer.byteLength(s, 'utf8')).toBeLessThanOrEqual(WECOM_MAX_BYTES)
    const all = sent.join('\n')
    expect(text.split('\n\n').filter((p) => !all.includes(p.trim()))).toEqual([])
    expect(all).toContain(`(1/${sent.length})`)
  })
})
