import type { MiddlewareHandler } from 'hono'
import { AppError } from '../errors.js'
import { API_TOKEN_PREFIX } from './api-tokens.js'
import { localPrincipal, widgetPrincipal, type Principal } from './principal.js'
import './principal-context.js'
import { TokenError, verifyWidgetToken } from './widget-token.js'

/** How /api/* is protected: a shared secret and audience; no secret means no auth (in-process callers only). */
export type TokenAuth = { secret?: string; audience: string }

/** Looks up a named API token (`cit_…`); null when unknown or revoked. */
export type ApiTokenLookup = (token: string) => Promise<Principal | null>

const bearer = /^Bearer[ \t]+([A-Za-z0-9_.-]{1,4096})[ \t]*$/
const jwtShape = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/

/**
 * Requires `Authorization: Bearer <token>` on every request it guards, answering 401
 * `{error:{code:'unauthorized'}}` otherwise: an HS256 widget JWT, or a named API token (`cit_…`).
 * Attaches the request's principal (`c.get('principal')`). Without a secret it lets everything
 * through as the local principal: that is createApp in tests and the CLI; src/index.ts always
 * supplies a secret (a random one when unset).
 */
export function requireToken(auth: TokenAuth, apiTokens?: ApiTokenLookup): MiddlewareHandler {
  return async (c, next) => {
    if (!auth.secret) {
      c.set('principal', localPrincipal)
      return next()
    }
    const header = c.req.header('authorization')
    const match = header ? bearer.exec(header) : null
    const deny = (why: string) => {
      c.header('WWW-Authenticate', 'Bearer realm="churn-insight"')
      return new AppError('unauthorized', `Sign-in required: ${why}`)
    }
    if (!match) throw deny('send "Authorization: Bearer <token>" (a widget token from your portal, an API token from `churn-insight tokens create`, or the token= line printed at server start)')
    const token = match[1]
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const principal = apiTokens ? await apiTokens(token) : null
      if (!principal) throw deny('API token is unknown or revoked')
      c.set('principal', principal)
      return next()
    }
    if (!jwtShape.test(token)) throw deny('token is malformed')
    try {
      const claims = await verifyWidgetToken(token, { secret: auth.secret, audience: auth.audience })
      c.set('principal', widgetPrincipal(claims.sub, claims.scope))
    } catch (e) {
      if (e instanceof TokenError) throw deny(e.message)
      throw e
    }
    await next()
  }
}
