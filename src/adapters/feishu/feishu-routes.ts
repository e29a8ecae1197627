import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDeps } from '../../app-deps.js'
import { runInBackground } from '../bot/background.js'
import type { BotCoreOverrides } from '../bot/bot-core.js'
import { createFeishuBot, handleFeishuMessage, type FeishuBot } from './feishu-bot.js'
import type { FeishuClient } from './feishu-client.js'
import { decryptFeishu, verifyFeishuSignature } from './feishu-crypto.js'
import { startFeishuLongConnection } from './feishu-long-connection.js'
import type { FeishuMessageEvent } from './read-feishu-event.js'

/** Event bodies are a few KB. */
const MAX_BODY = 64 * 1024
const unauthorized = { error: { code: 'unauthorized', message: 'Feishu request could not be verified' } } as const

/** Test seams: a renderer, a client, and whether to open the long connection (never in tests). */
export type FeishuOverrides = BotCoreOverrides & { client?: FeishuClient; connect?: boolean }

/**
 * POST /feishu/events — the HTTP event subscription: decrypt (Encrypt Key) → URL challenge → verify
 * X-Lark-Signature (or the verification token without an Encrypt Key) → dedupe → ack → answer in the
 * background. With FEISHU_MODE=ws (the default) the long connection is opened instead and the route
 * answers 503 saying so.
 */
export function feishuRoutes(deps: AppDeps, overrides: FeishuOverrides = {}) {
  const app = new Hono()
  const bot = createFeishuBot(deps, overrides)
  if (!bot) {
    app.all('/feishu/*', (c) => c.json({ error: { code: 'not_configured', message: 'Feishu is not configured: set FEISHU_APP_ID and FEISHU_APP_SECRET (see README, "Feishu / Lark")' } }, 503))
    return app
  }
  if (bot.config.mode === 'ws') {
    if (overrides.connect !== false) startFeishuLongConnection(bot)
    app.all('/feishu/*', (c) => c.json({ error: { code: 'not_configured', message: 'Feishu uses the long connection (FEISHU_MODE=ws); set FEISHU_MODE=http to receive events here' } }, 503))
    return app
  }
  app.use('/feishu/*', bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.json({ error: { code: 'payload_too_large', message: 'Feishu request body is larger than 64 KB' } }, 413) }))
  app.post('/feishu/events', async (c) => {
    const raw = await c.req.text()
    const payload = readPayload(bot, raw)
    if (!payload) return c.json(unauthorized, 401)
    if (payload.type === 'url_verification') {
      if (!tokenMatches(bot, payload.token)) return c.json(unauthorized, 401)
      return c.json({ challenge: payload.challenge })
    }
    const signed = bot.config.encryptKey
      ? verifyFeishuSignature(bot.config.encryptKey, { timestamp: c.req.header('x-lark-request-timestamp'), nonce: c.req.header('x-lark-request-nonce'), signature: c.req.header('x-lark-signature') }, raw)
      : tokenMatches(bot, payload.header?.token)
    if (!signed) {
      bot.logError('feishu: rejected an event with a bad signature or token')
      return c.json(unauthorized, 401)
    }
    if (payload.header?.event_type === 'im.message.receive_v1' && payload.event) {
      const ev: FeishuMessageEvent = { ...payload.event, event_id: payload.header.event_id, tenant_key: payload.header.tenant_key }
      handleFeishuMessage(bot, ev, (work, onError) => runInBackground(c, work, onError))
    }
    return c.json({})
  })
  return app
}

type Payload = { type?: string; challenge?: unknown; token?: string; header?: { event_id?: string; event_type?: string; token?: string; tenant_key?: string }; event?: FeishuMessageEvent }

// With an Encrypt Key every body is {"encrypt": …}; a body that does not decrypt is not from Feishu.
function readPayload(bot: FeishuBot, raw: string): Payload | null {
  try {
    const outer = JSON.parse(raw) as { encrypt?: unknown }
    if (!bot.config.encryptKey) return outer as Payload
    if (typeof outer.encrypt !== 'string') return null
    return JSON.parse(decryptFeishu(bot.config.encryptKey, outer.encrypt)) as Payload
  } catch {
    return null
  }
}

// The verification token is checked when configured; without an Encrypt Key it is required.
function tokenMatches(bot: FeishuBot, token: string | undefined): boolean {
  if (!bot.config.verificationToken) return !!bot.config.encryptKey
  return token === bot.config.verificationToken
}
