import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scriptedModel } from '../../helpers/test-app.js'
import { startFakeSlack, type FakeSlack } from './fake-slack.js'
import { mentionEvent, signed } from './slack-request.js'
import { STUB_PNG, slackTestApp } from './slack-test-app.js'

const q1 = { from: '2026-01-01', to: '2026-04-01' }
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms))
let fake: FakeSlack

beforeAll(async () => { fake = await startFakeSlack() })
afterAll(async () => { await fake.close() })

const postedIn = (channel: string) => fake.of('chat.postMessage').filter((c) => c.args.channel === channel)
const contextOf = (call: { args: Record<string, unknown> }) => JSON.stringify((call.args.blocks as Array<{ type: string }>).filter((b) => b.type === 'context'))

describe('request verification', () => {
  it('answers 401 to unsigned, wrongly signed, replayed and future-dated requests, and runs nothing', async () => {
    const seen: unknown[][] = []
    const { app } = await slackTestApp(scriptedModel([{ text: 'should never run' }], seen), fake)
    const body = JSON.stringify(mentionEvent('churn?', { channel: 'C-401' }))
    const now = Math.floor(Date.now() / 1000)
    const unsigned = await app.request('/slack/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const wrongSecret = await app.request('/slack/events', signed(body, { secret: 'not-the-secret' }))
    const replayed = await app.request('/slack/events', signed(body, { ts: now - 301 }))
    const future = await app.request('/slack/events', signed(body, { ts: now + 301 }))
    const tampered = signed(body)
    const bodyTampered = await app.request('/slack/events', { ...tampered, body: body.replace('churn?', 'delete everything') })
    for (const res of [unsigned, wrongSecret, replayed, future, bodyTampered]) {
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('unauthorized')
    }
    await settle()
    expect(seen).toHaveLength(0)
    expect(postedIn('C-401')).toHaveLength(0)
  })

  it('returns the url_verification challenge only when signed', async () => {
    const { app } = await slackTestApp(scriptedModel([{ text: 'x' }]), fake)
    const body = JSON.stringify({ token: 't', challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' })
    const res = await app.request('/slack/events', signed(body))
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P')
    expect((await app.request('/slack/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(401)
  })
})

describe('app_mention → threaded answer', () => {
  it('answers in English in the thread with the numbers from SQL, the period, definition, link and chart upload', async () => {
    const seen: unknown[][] = []
    const model = scriptedModel([
      { tool: 'query_metric', input: { metric: 'churn_rate', period: q1, grain: 'month', language: 'en' } },
      { text: 'Monthly churn in Q1 2026: **0%** in January, **33.33%** in February and **33.33%** in March.' },
    ], seen)
    const { app, renderer } = await slackTestApp(model, fake)
    const ev = mentionEvent('What was monthly churn in Q1 2026?', { channel: 'C-EN', ts: '1800000100.000100' })
    const res = await app.request('/slack/events', signed(JSON.stringify(ev)))
    expect(res.status).toBe(200)
    await fake.waitFor(() => fake.of('files.completeUploadExternal').some((c) => c.args.channel_id === 'C-EN'))

    // The model got the question without the bot mention.
    expect((seen[0] as Array<{ role: string; content: unknown }>).at(-1)).toEqual({ role: 'user', content: [{ type: 'text', text: 'What was monthly churn in Q1 2026?' }] })
    const [post] = postedIn('C-EN')
    expect(post.headers.authorization).toBe('Bearer xoxb-test-token')
    expect(post.args.thread_ts).toBe('1800000100.000100')
    expect(post.args.text).toContain('Monthly churn in Q1 2026: *0%* in January, *33.33%* in February and *33.33%* in March.')
    const blocks = post.args.blocks as Array<{ type: string; text?: { text: string } }>
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Monthly churn in Q1 2026: *0%* in January, *33.33%* in February and *33.33%* in March.' } })
    const ctx = contextOf(post)
    expect(ctx).toContain('*Period:* 2026-01-01 – 2026-03-31')
    expect(ctx).toMatch(/\*Definition:\* .*subscription/i)
    expect(ctx).toMatch(/<https:\/\/churn\.example\.com\/answers\/[0-9a-f-]{36}#turn-1\|How was this computed\?>/)

    // Hand-checked on the tiny company: Jan 0 of 2 churned, Feb 1 of 3 (c3), Mar 1 of 3 (c2).
    expect(renderer.specs[0]).toMatchObject({ type: 'line', x: ['2026-01', '2026-02', '2026-03'], series: [{ values: [0, 33.33, 33.33] }], unit: '%' })
    const getUrl = fake.of('files.getUploadURLExternal').at(-1)!
    expect(getUrl.args).toMatchObject({ filename: 'chart-1.png', length: String(STUB_PNG.length) })
    expect(getUrl.args.alt_txt).toBe('Customer churn rate · 2026-01-01 – 2026-03-31 — 2026-01: 0%; 2026-02: 33.33%; 2026-03: 33.33%')
    const upload = fake.of('upload').at(-1)!
    expect(upload.bytes.equals(STUB_PNG)).toBe(true)
    expect(fake.of('files.completeUploadExternal').at(-1)!.args).toEqual({ files: [{ id: expect.stringMatching(/^F\d+$/), title: 'Customer churn rate · 2026-01-01 – 2026-03-31' }], channel_id: 'C-EN', thread_ts: '1800000100.000100' })
  })

  it('answers in Chinese with Chinese labels and the same numbers', async () => {
    const model = scriptedModel([
      { tool: 'query_metric', input: { metric: 'churn_rate', period: q1, grain: 'month', language: 'zh' } },
      { text: '2026年第一季度：一月流失率为**0%**，二月和三月均为**33.33%**。' },
    ])
    const { app, renderer } = await slackTestApp(model, fake)
    const ev = mentionEvent('2026年第一季度每月的客户流失率是多少？', { channel: 'C-ZH', ts: '1800000200.000100' })
    expect((await app.request('/slack/events', signed(JSON.stringify(ev)))).status).toBe(200)
    await fake.waitFor(() => fake.of('files.completeUploadExternal').some((c) => c.args.channel_id === 'C-ZH'))
    const [post] = postedIn('C-ZH')
    expect(post.args.thread_ts).toBe('1800000200.000100')
    expect(post.args.text).toContain('2026年第一季度：一月流失率为*0%*，二月和三月均为*33.33%*。')
    expect(contextOf(post)).toContain('*期间:* 2026-01-01 – 2026-03-31')
    expect(contextOf(post)).toMatch(/\|计算过程>/)
    expect(renderer.specs[0]).toMatchObject({ title: '客户流失率 · 2026-01-01 – 2026-03-31', series: [{ values: [0, 33.33, 33.33] }] })
    expect(fake.of('files.getUploadURLExternal').at(-1)!.args.alt_txt).toBe('客户流失率 · 2026-01-01 – 2026-03-31 — 2026-01: 0%; 2026-02: 33.33%; 2026-03: 33.33%')
  })

  it('continues the conversation for a follow-up in the same thread', async () => {
    const seen: unknown[][] = []
    const model = scriptedModel([
      { tool: 'query_metric', input: { metric: 'churned_customers', period: q1 } },
      { text: '2 customers churned in Q1 2026.' },
      { text: 'One of the two (c3) was involuntary: a failed payment.' },
    ], seen)
    const { app, deps } = await slackTestApp(model, fake)
    const first = mentionEvent('How many customers churned in Q1 2026?', { channel: 'C-FU', ts: '1800000300.000100' })
    await app.request('/slack/events', signed(JSON.stringify(first)))
    await fake.waitFor(() => postedIn('C-FU').length === 1)
    const followUp = mentionEvent('How many of them were involuntary?', { channel: 'C-FU', ts: '1800000301.000100', threadTs: '1800000300.000100' })
    await app.request('/slack/events', signed(JSON.stringify(followUp)))
    await fake.waitFor(() => postedIn('C-FU').length === 2)

    const second = postedIn('C-FU')[1]
    expect(second.args.thread_ts).toBe('1800000300.000100')
    expect(second.args.text).toContain('One of the two (c3) was involuntary')
    // The model saw the first turn: question, tool call and result, and answer, then the follow-up.
    const prompt = seen[2] as Array<{ role: string; content: unknown }>
    expect(prompt.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'user'])
    expect(JSON.stringify(prompt[1].content)).toContain('How many customers churned in Q1 2026?')
    expect(JSON.stringify(prompt[4].content)).toContain('2 customers churned in Q1 2026.')
    const convs = await deps.db.selectFrom('conversations').select(['channel', 'external_key']).execute()
    expect(convs).toEqual([{ channel: 'slack', external_key: 'slack:T1:C-FU:1800000300.000100' }])
    expect(JSON.stringify(second.args.blocks)).toContain('#turn-2|How was this computed?>')
  })

  it('answers a retried event (same event_id, X-Slack-Retry-Num: 1) once', async () => {
    const seen: unknown[][] = []
    const { app } = await slackTestApp(scriptedModel([{ text: 'Churn was 100% in Q1 2026.' }], seen), fake)
    const body = JSON.stringify(mentionEvent('Q1 churn?', { channel: 'C-RETRY', eventId: 'Ev-RETRY-1' }))
    const a = await app.request('/slack/events', signed(body))
    const b = await app.request('/slack/events', signed(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }))
    expect([a.status, b.status]).toEqual([200, 200])
    await fake.waitFor(() => postedIn('C-RETRY').length === 1)
    const c = await app.request('/slack/events', signed(body, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } }))
    expect(c.status).toBe(200)
    await settle(300)
    expect(postedIn('C-RETRY')).toHaveLength(1)
    expect(seen).toHaveLength(1)
  })
})

describe('what the bot ignores and answers', () => {
  it('ignores bot messages, its own messages, edits and channel messages; answers DMs', async () => {
    const seen: unknown[][] = []
    const { app } = await slackTestApp(scriptedModel([{ text: 'DM answer: churn was 100% in Q1 2026.' }], seen), fake)
    const ignored = [
      mentionEvent('from a bot', { channel: 'C-IGN', extra: { bot_id: 'B1' } }),
      mentionEvent('bot message', { channel: 'C-IGN', type: 'message', extra: { channel_type: 'im', subtype: 'bot_message', bot_id: 'B2' } }),
      mentionEvent('our own reply', { channel: 'C-IGN', type: 'message', extra: { channel_type: 'im', user: 'UBOT' } }),
      mentionEvent('an edit', { channel: 'C-IGN', type: 'message', extra: { channel_type: 'im', subtype: 'message_changed' } }),
      mentionEvent('a channel message', { channel: 'C-IGN', type: 'message', extra: { channel_type: 'channel' } }),
    ]
    for (const ev of ignored) expect((await app.request('/slack/events', signed(JSON.stringify(ev)))).status).toBe(200)
    const dm = mentionEvent('what was churn in Q1 2026?', { channel: 'D-DM', type: 'message', ts: '1800000400.000100', extra: { channel_type: 'im' } })
    await app.request('/slack/events', signed(JSON.stringify(dm)))
    await fake.waitFor(() => postedIn('D-DM').length === 1)
    await settle()
    expect(postedIn('C-IGN')).toHaveLength(0)
    expect(seen).toHaveLength(1)
    expect(postedIn('D-DM')[0].args).toMatchObject({ thread_ts: '1800000400.000100', text: expect.stringContaining('DM answer: churn was 100% in Q1 2026.') })
  })

  it('replies to a bare mention with starter questions, and to a model failure with the offline analyst\'s answer', async () => {
    const failing = scriptedModel([{ text: 'unused' }])
    failing.doGenerate = async () => { throw new Error('upstream 500') }
    const { app } = await slackTestApp(failing, fake)
    await app.request('/slack/events', signed(JSON.stringify(mentionEvent('', { channel: 'C-BARE' }))))
    await app.request('/slack/events', signed(JSON.stringify(mentionEvent('churn?', { channel: 'C-FAIL' }))))
    await fake.waitFor(() => postedIn('C-BARE').length === 1 && postedIn('C-FAIL').length === 1)
    expect(postedIn('C-BARE')[0].args.text).toContain('Show monthly churn rate for the last 12 months')
    // The offline analyst answers instead, saying so; the provider's error text stays in the server log.
    const failed = postedIn('C-FAIL')[0].args.text
    expect(failed).toMatch(/^\(The AI model could not answer just now, so the built-in offline analyst answered\.\)\n\n/)
    expect(failed).not.toContain('upstream 500')
  })
})
