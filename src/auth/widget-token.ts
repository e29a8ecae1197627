import { sign, verify } from 'hono/jwt'
import { scopeSchema, type Scope } from './principal.js'

/** Longest lifetime a widget token may have: a leaked token is useful for at most this long. */
export const MAX_TOKEN_MINUTES = 15

// Clocks of the portal back end and this server drift a little; allow a minute, no more.
const LEEWAY_S = 60

/** Claims a verified token carries. */
export type WidgetClaims = { sub: string; aud: string; exp: number; iat?: number; iss?: string; scope?: Scope }

/** Signs an HS256 token for `sub` valid for `minutes` (1–15): what a portal back end (or the CLI) mints. */
export async function signWidgetToken(opts: { secret: string; audience: string; sub: string; minutes?: number; now?: number; scope?: Scope }): Promise<string> {
  const minutes = opts.minutes ?? MAX_TOKEN_MINUTES
  if (!(minutes > 0 && minutes <= MAX_TOKEN_MINUTES)) throw new Error(`token lifetime must be between 1 second and ${MAX_TOKEN_MINUTES} minutes, got ${minutes}`)
  if (!opts.sub) throw new Error('token subject (sub) must not be empty')
  const iat = Math.floor((opts.now ?? Date.now()) / 1000)
  return sign({ sub: opts.sub, aud: opts.audience, iat, exp: iat + Math.round(minutes * 60), ...(opts.scope ? { scope: opts.scope } : {}) }, opts.secret, 'HS256')
}

/** Why a token was refused, in words a user or integrator can act on. */
export class TokenError extends Error {
  override name = 'TokenError'
}

/**
 * Verifies a widget token: HS256 only (the algorithm is fixed here, never read from the token),
 * signature, `aud`, `exp` in the future, `iat` not in the future, and a lifetime of at most 15 minutes.
 */
export async function verifyWidgetToken(token: string, opts: { secret: string; audience: string; now?: number }): Promise<WidgetClaims> {
  let payload: Record<string, unknown>
  try {
    // hono's own iat check has no leeway; iat is checked below instead.
    payload = (await verify(token, opts.secret, { alg: 'HS256', aud: opts.audience, iat: false })) as Record<string, unknown>
  } catch (e) {
    throw new TokenError(describeJwtError(e))
  }
  const now = Math.floor((opts.now ?? Date.now()) / 1000)
  const { sub, exp, iat } = payload
  if (typeof exp !== 'number') throw new TokenError('token has no expiry (exp)')
  if (exp <= now) throw new TokenError('token expired')
  if (typeof sub !== 'string' || !sub || sub.length > 200) throw new TokenError('token has no subject (sub)')
  if (iat !== undefined && (typeof iat !== 'number' || iat > now + LEEWAY_S)) throw new TokenError('token issued in the future (iat)')
  const start = typeof iat === 'number' ? Math.min(iat, now) : now
  if (exp - start > MAX_TOKEN_MINUTES * 60 + LEEWAY_S) throw new TokenError(`token lifetime exceeds ${MAX_TOKEN_MINUTES} minutes`)
  // A scope the portal signed limits what this user sees; a malformed one is refused, never ignored.
  let scope: Scope | undefined
  if (payload.scope !== undefined) {
    const parsed = scopeSchema.safeParse(payload.scope)
    if (!parsed.success) throw new TokenError('token scope must look like {"region": ["APAC"]}')
    scope = parsed.data
  }
  return { sub, aud: opts.audience, exp, ...(typeof iat === 'number' ? { iat } : {}), ...(typeof payload.iss === 'string' ? { iss: payload.iss } : {}), ...(scope ? { scope } : {}) }
}

// hono's error classes carry messages that echo the token; map them to short reasons instead.
function describeJwtError(e: unknown): string {
  const name = (e as { name?: string })?.name ?? ''
  const reasons: Record<string, string> = {
    JwtTokenExpired: 'token expired',
    JwtTokenAudience: 'token audience (aud) does not match',
    JwtPayloadRequiresAud: 'token has no audience (aud)',
    JwtTokenSignatureMismatched: 'token signature is invalid',
    JwtAlgorithmMismatch: 'token algorithm must be HS256',
    JwtHeaderInvalid: 'token header is invalid (HS256 JWT expected)',
    JwtTokenNotBefore: 'token is not valid yet (nbf)',
    JwtTokenInvalid: 'token is malformed',
  }
  return reasons[name] ?? 'token is invalid'
}
