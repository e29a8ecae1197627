import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeSlack, type FakeSlack } from './fake-slack.js'
import { mentionEvent, signed } from './slack-request.js'
import { slackTestApp } from './slack-test-app.js'

let fake: FakeSlack
beforeAll(async () => { fake = await startFakeSlack() })
afterAll(async () => { await fake.close() })

// The default (offline) model end to end: no scripted steps, so this checks the real question → tool → answer path.
describe('Slack with the default offline model', () => {
  it.each([
    ['en', 'What was monthly churn in Q1 2026?', 'Customer churn rate'],
    ['zh', '2026年第一季度每月的客户流失率是多少？', '客户流失率'],
  ])('answers a %s mention in its thread with the hand-checked monthly churn and a chart', async (lang, question, title) => {
    const { app } = await slackTestApp(undefined, fake)
    const channel = `C-OFF-${lang}`
    await app.request('/slack/events', signed(JSON.stringify(mentionEvent(question, { channel, ts: `18000010${lang === 'en' ? 1 : 2}0.000100` }))))
    await fake.waitFor(() => fake.of('files.completeUploadExternal').some((c) => c.args.channel_id === channel))
    const post = fake.of('chat.postMessage').find((c) => c.args.channel === channel)!
    expect(post.args.thread_ts).toBe(`18000010${lang === 'en' ? 1 : 2}0.000100`)
    // Jan 0 of 2, Feb 1 of 3, Mar 1 of 3 (the offline model rounds to one decimal).
    expect(post.args.text).toMatch(/2026-02\D{0,4}33\.3%/)
    const alt = fake.of('files.getUploadURLExternal').find((c) => String(c.args.alt_txt).startsWith(title))
    expect(alt?.args.alt_txt).toBe(`${title} · 2026-01-01 – 2026-03-31 — 2026-01: 0%; 2026-02: 33.33%; 2026-03: 33.33%`)
  })
})
