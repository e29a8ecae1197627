import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'
import { startFakeSlack, type FakeSlack } from './fake-slack.js'
import { mentionEvent, signed, slashBody } from './slack-request.js'
import { slackEnv, slackTestApp } from './slack-test-app.js'

const form = 'application/x-www-form-urlencoded'
let fake: FakeSlack

beforeAll(async () => { fake = await startFakeSlack() })
afterAll(async () => { await fake.close() })

const postedIn = (channel: string) => fake.of('chat.postMessage').filter((c) => c.args.channel === channel)

describe('/churn help', () => {
  it('lists starter questions, metrics and dimensions from describe_data, in English and Chinese, without calling the model', async () => {
    const seen: unknown[][] = []
    const { app } = await slackTestApp(scriptedModel([{ text: 'unused' }], seen), fake)
    const en = await (await app.request('/slack/commands', signed(slashBody('help'), { contentType: form }))).json()
    expect(en.response_type).toBe('ephemeral')
    const enText = JSON.stringify(en.blocks)
    expect(enText).toContain('• Show monthly churn rate for the last 12 months')
    expect(enText).toContain('• What was our churn rate last quarter by plan?')
    expect(enText).toContain('• Which region churns most?')
    expect(enText).toContain('Customer churn rate')
    expect(enText).toContain('*Break down by:* Plan, Region, Contract')
    expect(enText).toContain('Data: 4 customers, 2025-11-20 – 2026-07-01.')
    const zh = await (await app.request('/slack/commands', signed(slashBody('帮助'), { contentType: form }))).json()
    expect(JSON.stringify(zh.blocks)).toContain('• 上个季度按套餐的流失率是多少？')
    expect(JSON.stringify(zh.blocks)).toContain('客户流失率')
    const empty = await (await app.request('/slack/commands', signed(slashBody(''), { contentType: form }))).json()
    expect(empty.text).toContain('Show monthly churn rate for the last 12 months')
    expect(seen).toHaveLength(0)
  })
})

describe('/churn <question>', () => {
  it('acks with an ephemeral "Working on it…", posts the question, answers in its thread (broadcast), and follow-ups continue', async () => {
    const seen: unknown[][] = []
    const model = scriptedModel([
      { tool: 'query_metric', input: { metric: 'churned_customers', period: { from: '2026-01-01', to: '2026-04-01' } } },
      { text: '2 customers churned in Q1 2026 (1 voluntary, 1 involuntary).' },
      { text: 'Follow-up answered.' },
    ], seen)
    const { app } = await slackTestApp(model, fake)
    const res = await app.request('/slack/commands', signed(slashBody('How many customers churned in Q1 2026?', { channel: 'C-CMD' }), { contentType: form }))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: 'Working on it… the answer will appear in this channel.' })
    await fake.waitFor(() => postedIn('C-CMD').length === 2)
    const [question, answer] = postedIn('C-CMD')
    expect(question.args.thread_ts).toBeUndefined()
    expect(question.args.text).toBe('<@U1> asked: How many customers churned in Q1 2026?')
    expect(answer.args.thread_ts).toMatch(/^\d+\.000100$/)
    expect(answer.args.reply_broadcast).toBe('true')
    expect(answer.args.text).toContain('2 customers churned in Q1 2026 (1 voluntary, 1 involuntary).')

    // A mention in that thread continues the same conversation.
    const follow = mentionEvent('and in Q2?', { channel: 'C-CMD', threadTs: String(answer.args.thread_ts) })
    await app.request('/slack/events', signed(JSON.stringify(follow)))
    await fake.waitFor(() => postedIn('C-CMD').length === 3)
    expect(postedIn('C-CMD')[2].args.thread_ts).toBe(answer.args.thread_ts)
    expect(JSON.stringify(seen[2])).toContain('How many customers churned in Q1 2026?')
  })

  it('answers through response_url when the bot is not in the channel', async () => {
    const { app } = await slackTestApp(scriptedModel([{ text: 'Churn was 100% in Q1 2026.' }]), fake)
    fake.refuseChannel('C-PRIVATE')
    const body = slashBody('Q1 churn?', { channel: 'C-PRIVATE', responseUrl: `${fake.url}/respond/T1/1/xyz` })
    expect((await app.request('/slack/commands', signed(body, { contentType: form }))).status).toBe(200)
    await fake.waitFor(() => fake.of('response_url').length === 1)
    const r = fake.of('response_url')[0].args as { response_type: string; text: string; blocks: Array<{ text?: { text: string } }> }
    expect(r.response_type).toBe('in_channel')
    expect(r.text).toContain('<@U1> asked: Q1 churn?')
    expect(r.text).toContain('Churn was 100% in Q1 2026.')
    expect(r.blocks[0].text?.text).toBe('<@U1> asked: Q1 churn?')
  })

  it('rejects an unsigned command with 401', async () => {
    const seen: unknown[][] = []
    const { app } = await slackTestApp(scriptedModel([{ text: 'x' }], seen), fake)
    const res = await app.request('/slack/commands', { method: 'POST', headers: { 'content-type': form }, body: slashBody('Q1 churn?', { channel: 'C-UNSIGNED' }) })
    expect(res.status).toBe(401)
    await new Promise((r) => setTimeout(r, 150))
    expect(seen).toHaveLength(0)
    expect(postedIn('C-UNSIGNED')).toHaveLength(0)
  })
})

describe('mounting in the app', () => {
  it('serves /slack/* from createApp when configured, and says what to set when not', async () => {
    const on = await testApp(await tinyCompany(), scriptedModel([{ text: 'x' }]), slackEnv(fake))
    const help = await on.app.request('/slack/commands', signed(slashBody('help'), { contentType: form }))
    expect(help.status).toBe(200)
    const off = await testApp(await tinyCompany(), scriptedModel([{ text: 'x' }]))
    const res = await off.app.request('/slack/events', { method: 'POST', body: '{}' })
    expect(res.status).toBe(503)
    expect((await res.json()).error.message).toMatch(/SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN/)
  })
})
