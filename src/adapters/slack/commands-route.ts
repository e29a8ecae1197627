import { Hono } from 'hono'
import { runInBackground } from '../bot/background.js'
import { helpMessage } from './help-text.js'
import { readSignedBody, unauthorizedBody } from './signed-body.js'
import { answerSlashCommand } from './slash-answer.js'
import type { SlackBot } from './slack-bot.js'
import { detectLang, isHelpRequest } from '../bot/bot-text.js'
import { labels } from './slack-text.js'

/**
 * POST /slack/commands — `/churn <question>` (form-encoded). `/churn help` (or nothing) answers at once with
 * what the bot can answer; a question is acknowledged with an ephemeral "Working on it…" within Slack's
 * 3 seconds and answered in the channel in the background.
 */
export function commandsRoute(bot: SlackBot) {
  const app = new Hono()
  app.post('/slack/commands', async (c) => {
    const raw = await readSignedBody(c, bot.signingSecret, bot.logError)
    if (raw === null) return c.json(unauthorizedBody, 401)
    const form = new URLSearchParams(raw)
    const text = (form.get('text') ?? '').trim()
    const lang = detectLang(text)
    if (!text || isHelpRequest(text)) return c.json({ response_type: 'ephemeral', ...helpMessage(bot.deps.chat, lang) })
    const cmd = { team: form.get('team_id') ?? '', channel: form.get('channel_id') ?? '', user: form.get('user_id') ?? '', text, responseUrl: form.get('response_url') ?? '' }
    if (!cmd.channel) return c.json({ error: { code: 'bad_request', message: 'channel_id is missing' } }, 400)
    const trigger = form.get('trigger_id')
    if (trigger && bot.seen.checkAndAdd([`trigger:${trigger}`])) return c.body(null, 200)
    runInBackground(c, () => answerSlashCommand(bot, cmd), (e) => bot.logError(`slack: /churn in ${cmd.channel} failed`, e))
    return c.json({ response_type: 'ephemeral', text: labels[lang].working })
  })
  return app
}
