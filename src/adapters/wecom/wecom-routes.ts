import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDeps } from '../../app-deps.js'
import { runInBackground } from '../bot/background.js'
import type { BotCoreOverrides } from '../bot/bot-core.js'
import { questionFromWecom, xmlField } from './read-wecom-xml.js'
import { createWecomBot, handleWecomQuestion } from './wecom-bot.js'
import type { WecomClient } from './wecom-client.js'
import { decryptWecom, verifyWecomSignature } from './wecom-crypto.js'

const MAX_BODY = 64 * 1024

/**
 * The WeCom application callback at /wecom/callback. GET: URL verification — check msg_signature over
 * echostr, decrypt it and return the plaintext. POST: check msg_signature over <Encrypt>, decrypt,
 * dedupe on MsgId, answer with an empty body at once (WeCom waits 5 s, then retries) and send the
 * answer as application messages in the background.
 */
export function wecomRoutes(deps: AppDeps, overrides: BotCoreOverrides & { client?: WecomClient } = {}) {
  const app = new Hono()
  const bot = createWecomBot(deps, overrides)
  if (!bot) {
    app.all('/wecom/*', (c) => c.json({ error: { code: 'not_configured', message: 'WeCom is not configured: set WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN and WECOM_ENCODING_AES_KEY (see README, "WeCom")' } }, 503))
    return app
  }
  const forbidden = (c: { text: (t: string, s: 401) => Response }) => c.text('signature could not be verified', 401)
  app.get('/wecom/callback', (c) => {
    const q = c.req.query()
    if (!q.echostr || !verifyWecomSignature(bot.config.token, q, q.echostr)) return forbidden(c)
    try {
      return c.text(decryptWecom(bot.config.encodingAesKey, q.echostr, bot.config.corpId))
    } catch {
      return forbidden(c)
    }
  })
  app.use('/wecom/*', bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.text('body too large', 413) }))
  app.post('/wecom/callback', async (c) => {
    const encrypted = xmlField(await c.req.text(), 'Encrypt')
    if (!encrypted || !verifyWecomSignature(bot.config.token, c.req.query(), encrypted)) {
      bot.logError('wecom: rejected a callback with a bad msg_signature')
      return forbidden(c)
    }
    let xml: string
    try {
      xml = decryptWecom(bot.config.encodingAesKey, encrypted, bot.config.corpId)
    } catch (e) {
      bot.logError('wecom: could not decrypt a callback', e)
      return forbidden(c)
    }
    const q = questionFromWecom(xml)
    if (q) handleWecomQuestion(bot, q, (work, onError) => runInBackground(c, work, onError))
    // An empty body tells WeCom the message was received; the answer follows as application messages.
    return c.body(null, 200)
  })
  return app
}
