import { Hono } from 'hono'
import { answerInThread } from './answer-thread.js'
import { runInBackground } from '../bot/background.js'
import { questionFromEvent } from './read-event.js'
import { readSignedBody, unauthorizedBody } from './signed-body.js'
import type { SlackBot } from './slack-bot.js'

/**
 * POST /slack/events — verify → url_verification challenge → dedupe → ack → answer in the background.
 * Slack wants a 2xx within 3 s and retries otherwise, so nothing slow happens before the response.
 */
export function eventsRoute(bot: SlackBot) {
  const app = new Hono()
  app.post('/slack/events', async (c) => {
    const raw = await readSignedBody(c, bot.signingSecret, bot.logError)
    if (raw === null) return c.json(unauthorizedBody, 401)
    let payload: { type?: string; challenge?: unknown; event_id?: string }
    try {
      payload = JSON.parse(raw)
    } catch {
      return c.json({ error: { code: 'bad_request', message: 'Slack event body must be JSON' } }, 400)
    }
    if (payload.type === 'url_verification') return c.text(String(payload.challenge ?? ''))
    if (payload.type !== 'event_callback') return c.body(null, 200)
    const q = questionFromEvent(payload)
    if (!q) return c.body(null, 200)
    // A retry carries the same event_id; the message key also catches one message delivered as two event types.
    const keys = [`msg:${q.channel}:${q.ts}`, ...(q.eventId ? [`event:${q.eventId}`] : [])]
    if (bot.seen.checkAndAdd(keys)) {
      bot.log(`slack: skipped duplicate ${q.eventId ?? keys[0]} (retry ${c.req.header('x-slack-retry-num') ?? 'none'}, ${c.req.header('x-slack-retry-reason') ?? 'no reason'})`)
      return c.body(null, 200)
    }
    runInBackground(c, () => answerInThread(bot, q), (e) => bot.logError(`slack: answering ${q.eventId ?? keys[0]} failed`, e))
    return c.body(null, 200)
  })
  return app
}
