import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { AppError, isAppError } from './errors.js'
import type { AppDeps } from './app-deps.js'
import { chatRoutes } from './adapters/http/chat-routes.js'
import { interventionsRoutes } from './adapters/http/interventions-routes.js'
import { metricsRoutes } from './adapters/http/metrics-routes.js'
import { dingtalkRoutes } from './adapters/dingtalk/dingtalk-routes.js'
import { feishuRoutes } from './adapters/feishu/feishu-routes.js'
import { slackRoutes } from './adapters/slack/slack-routes.js'
import { wecomRoutes } from './adapters/wecom/wecom-routes.js'
import { webRoutes } from './adapters/web/web-routes.js'
import { requireToken } from './auth/require-token.js'
import { healthCheck } from './db/health.js'
import { verifyApiToken } from './auth/api-tokens.js'
import { rateLimitRequests } from './auth/rate-limit.js'
import { newRef } from './audit/server-log.js'

/** Builds the Hono app from injected deps (tests pass an in-memory database and the offline model). */
export function createApp(deps: AppDeps) {
  const app = new Hono()
  const health = healthCheck(deps.db)
  app.get('/healthz', async (c) => {
    const h = await health()
    const body = { ok: h.ok, model: deps.chat.modelName, customers: deps.chat.catalog().counts.customers }
    return h.ok ? c.json(body) : c.json({ ...body, problems: h.problems }, 503)
  })
  app.use('/api/*', bodyLimit({ maxSize: 256 * 1024, onError: (c) => c.json(new AppError('payload_too_large', 'Request body is larger than 256 KB').toJSON(), 413) }))
  // Portals on the allow-list may call the API from their own pages; everyone else gets no CORS headers.
  app.use('/api/*', cors({ origin: deps.config.widget.origins, allowMethods: ['GET', 'POST'], allowHeaders: ['Authorization', 'Content-Type'], exposeHeaders: ['x-conversation-id'], maxAge: 600 }))
  app.use('/api/*', requireToken(deps.config.widget, (token) => verifyApiToken(deps.db, token)))
  // Incomplete data would give confident wrong answers; a write failure still lets questions be answered.
  app.use('/api/*', async (_c, next) => {
    const data = (await health()).problems.filter((p) => p.code === 'no_as_of' || p.code === 'unfinished_load')
    if (data.length) throw new AppError('unavailable', data[0].message, { problems: data.map((p) => p.code) })
    await next()
  })
  // Questions are charged in the chat turn (every surface); metric queries here, from the same bucket.
  app.use('/api/metrics/:id', rateLimitRequests(deps.chat.limiter))
  app.route('/', chatRoutes(deps.chat))
  app.route('/', metricsRoutes(deps.chat))
  app.route('/', interventionsRoutes(deps.chat))
  app.route('/', slackRoutes(deps))
  app.route('/', feishuRoutes(deps))
  app.route('/', dingtalkRoutes(deps))
  app.route('/', wecomRoutes(deps))
  app.route('/', webRoutes(deps))
  app.notFound((c) => c.json(new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`).toJSON(), 404))
  app.onError((err, c) => {
    if (isAppError(err)) {
      if (err.retryAfter !== undefined) c.header('Retry-After', String(err.retryAfter))
      return c.json(err.toJSON(), err.status as 400)
    }
    // Unexpected errors: details (redacted) to the server log under a reference the user can quote.
    const ref = newRef()
    deps.chat.log?.error(ref, `${c.req.method} ${c.req.path} failed`, err)
    return c.json({ error: { code: 'internal', message: `Something went wrong on the server (reference ${ref}).`, ref } }, 500)
  })
  return app
}
