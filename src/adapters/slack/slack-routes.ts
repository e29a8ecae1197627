import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDeps } from '../../app-deps.js'
import { answerPageAccess, answerPageRoutes } from '../bot/answer-page.js'
import { commandsRoute } from './commands-route.js'
import { eventsRoute } from './events-route.js'
import { createSlackBot, type SlackBotOverrides } from './slack-bot.js'

/** Slack payloads are a few KB; anything much larger is not from Slack. */
const MAX_BODY = 64 * 1024

/**
 * The Slack bot's routes (/slack/events, /slack/commands) plus the /answers/:id page its messages link to.
 * Without SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN the /slack/* routes answer 503 saying what to set.
 */
export function slackRoutes(deps: AppDeps, overrides: SlackBotOverrides = {}) {
  const app = new Hono()
  app.route('/', answerPageRoutes(deps.chat, answerPageAccess(deps.config)))
  const bot = createSlackBot(deps, overrides)
  if (!bot) {
    app.all('/slack/*', (c) => c.json({ error: { code: 'not_configured', message: 'Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (see README, "Slack")' } }, 503))
    return app
  }
  app.use('/slack/*', bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.json({ error: { code: 'payload_too_large', message: 'Slack request body is larger than 64 KB' } }, 413) }))
  app.route('/', eventsRoute(bot))
  app.route('/', commandsRoute(bot))
  return app
}
