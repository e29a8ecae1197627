import { Hono } from 'hono'
import type { Config } from '../../config.js'
import { isTrustedHost } from '../../auth/trusted-host.js'
import { MAX_TOKEN_MINUTES, signWidgetToken } from '../../auth/widget-token.js'
import { AppError } from '../../errors.js'

/**
 * GET /session: a short-lived token for the chat page at `/` (it refreshes before expiry).
 * Only when the page is open, only for our own host name (no DNS rebinding) and only for
 * same-origin fetches; cross-origin pages get no CORS headers here, so they cannot read it anyway.
 */
export function sessionRoutes(config: Config) {
  const app = new Hono()
  app.get('/session', async (c) => {
    if (config.web.page === 'off') throw new AppError('forbidden', 'The chat page is turned off on this server (WEB_PAGE=off)')
    const host = new URL(c.req.url).host
    if (!isTrustedHost(host, config.publicUrl)) throw new AppError('forbidden', `Open churn-insight at ${config.publicUrl} (or set PUBLIC_URL to the address you use instead of ${host})`)
    const site = c.req.header('sec-fetch-site')
    if (site && site !== 'same-origin') throw new AppError('forbidden', 'Sessions are only issued to the chat page itself')
    c.header('Cache-Control', 'no-store')
    if (!config.widget.secret) return c.json({ token: null, expiresAt: null })
    const now = Date.now()
    const token = await signWidgetToken({ secret: config.widget.secret, audience: config.widget.audience, sub: 'web-page', minutes: MAX_TOKEN_MINUTES, now })
    return c.json({ token, expiresAt: now + MAX_TOKEN_MINUTES * 60_000 })
  })
  return app
}
