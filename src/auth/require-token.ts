import type { MiddlewareHandler } from 'hono'
import { AppError } from '../errors.js'
import { TokenError, verifyWidgetToken } from './widget-token.js'

/** How /api/* is protected: a shared secret and audience; no secret means no auth (in-process callers only). */
export type TokenAuth = { secret?: string; audience: string }

const bearer = /^Bearer[ \t]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)[ \t]*$/

/**
 * Requires `Authorization: Bearer <HS256 JWT>` on every request it guards, answering 401
 * `{error:{code:'unauthorized'}}` otherwise. Without a secret it lets everything through: that is
 * createApp in tests and the CLI; src/index.ts always supplies a secret (a random one when unset).
 */
export function requireToken(auth: TokenAuth): MiddlewareHandler {
  return async (c, next) => {
    if (!auth.secret) return next()
    const header = c.req.header('authorization')
    const match = header ? bearer.exec(header) : null
    const deny = (why: string) => {
      c.header('WWW-Authenticate', 'Bearer realm="churn-insight"')
      return new AppError('unauthorized', `Sign-in required: ${why}`)
    }
    if (!match) throw deny('send "Authorization: Bearer <token>" (a widget token from your portal, or the token= line printed at server start)')
    try {
      await verifyWidgetToken(match[1], { secret: auth.secret, audience: auth.audience })
    } catch (e) {
      if (e instanceof TokenError) throw deny(e.message)
      throw e
    }
    await next()
  }
}
