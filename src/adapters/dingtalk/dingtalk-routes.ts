import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDeps } from '../../app-deps.js'
import { runInBackground } from '../bot/background.js'
import type { BotCoreOverrides } from '../bot/bot-core.js'
import { createDingTalkBot, handleDingTalkMessage } from './dingtalk-bot.js'
import type { DingTalkClient } from './dingtalk-client.js'
import { verifyDingTalkSign } from './dingtalk-sign.js'
import { startDingTalkStream } from './dingtalk-stream.js'
import type { DingTalkMessage } from './read-dingtalk-message.js'

const MAX_BODY = 64 * 1024

/** Test seams: a renderer, a client, and whether to open the Stream connection (never in tests). */
export type DingTalkOverrides = BotCoreOverrides & { client?: DingTalkClient; connect?: boolean }

/**
 * POST /dingtalk/events — the robot's HTTP callback: verify the timestamp + HMAC-SHA256 `sign` (an hour
 * of skew at most) → dedupe on msgId → ack → answer in the background through the session webhook.
 * With DINGTALK_MODE=stream (the default) the Stream connection is opened instead.
 */
export function dingtalkRoutes(deps: AppDeps, overrides: DingTalkOverrides = {}) {
  const app = new Hono()
  const bot = createDingTalkBot(deps, overrides)
  if (!bot) {
    app.all('/dingtalk/*', (c) => c.json({ error: { code: 'not_configured', message: 'DingTalk is not configured: set DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET (see README, "DingTalk")' } }, 503))
    return app
  }
  if (bot.config.mode === 'stream') {
    if (overrides.connect !== false) startDingTalkStream(bot)
    app.all('/dingtalk/*', (c) => c.json({ error: { code: 'not_configured', message: 'DingTalk uses Stream mode (DINGTALK_MODE=stream); set DINGTALK_MODE=http to receive callbacks here' } }, 503))
    return app
  }
  app.use('/dingtalk/*', bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.json({ error: { code: 'payload_too_large', message: 'DingTalk request body is larger than 64 KB' } }, 413) }))
  app.post('/dingtalk/events', async (c) => {
    if (!verifyDingTalkSign(bot.config.clientSecret!, { timestamp: c.req.header('timestamp'), sign: c.req.header('sign') })) {
      bot.logError('dingtalk: rejected a callback with a bad or stale sign')
      return c.json({ error: { code: 'unauthorized', message: 'DingTalk request could not be verified' } }, 401)
    }
    let m: DingTalkMessage
    try {
      m = (await c.req.json()) as DingTalkMessage
    } catch {
      return c.json({ error: { code: 'bad_request', message: 'DingTalk callback body must be JSON' } }, 400)
    }
    handleDingTalkMessage(bot, m, (work, onError) => runInBackground(c, work, onError))
    // The answer goes through the session webhook; the callback's own response stays empty.
    return c.json({})
  })
  return app
}
