import { sign } from 'hono/jwt'
import { describe, expect, it } from 'vitest'
import { MAX_TOKEN_MINUTES, signWidgetToken, verifyWidgetToken } from '../../src/auth/widget-token.js'

const secret = 'unit-test-secret-0123456789abcdef'
const audience = 'churn-insight'
// A whole second of the real clock: hono/jwt checks exp against the wall clock, so a fixed date would expire.
const now = Math.floor(Date.now() / 1000) * 1000
const nowS = now / 1000
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

describe('signWidgetToken / verifyWidgetToken', () => {
  it('round-trips sub, aud, iat and exp (15 minutes by default)', async () => {
    const token = await signWidgetToken({ secret, audience, sub: 'alice@acme.test', now })
    const [header, payload] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()))
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(payload).toEqual({ sub: 'alice@acme.test', aud: audience, iat: nowS, exp: nowS + 900 })
    expect(await verifyWidgetToken(token, { secret, audience, now: now + 60_000 })).toEqual({ sub: 'alice@acme.test', aud: audience, iat: nowS, exp: nowS + 900 })
  })

  it('refuses to sign a lifetime over 15 minutes or an empty subject', async () => {
    await expect(signWidgetToken({ secret, audience, sub: 'a', minutes: MAX_TOKEN_MINUTES + 1 })).rejects.toThrow(/between 1 second and 15 minutes/)
    await expect(signWidgetToken({ secret, audience, sub: '' })).rejects.toThrow(/sub/)
  })

  it('rejects an expired token', async () => {
    const token = await signWidgetToken({ secret, audience, sub: 'a', minutes: 5, now: Date.now() - 6 * 60_000 })
    await expect(verifyWidgetToken(token, { secret, audience })).rejects.toThrow('token expired')
  })

  it('rejects the wrong audience and a missing one', async () => {
    const token = await signWidgetToken({ secret, audience: 'another-app', sub: 'a' })
    await expect(verifyWidgetToken(token, { secret, audience })).rejects.toThrow('token audience (aud) does not match')
    const noAud = await sign({ sub: 'a', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 }, secret, 'HS256')
    await expect(verifyWidgetToken(noAud, { secret, audience })).rejects.toThrow('token has no audience (aud)')
  })

  it('rejects a wrong secret and a tampered payload or signature', async () => {
    const token = await signWidgetToken({ secret, audience, sub: 'alice' })
    await expect(verifyWidgetToken(token, { secret: 'another-secret-0123456789abcdef', audience })).rejects.toThrow('token signature is invalid')
    const [h, p, s] = token.split('.')
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
    await expect(verifyWidgetToken(`${h}.${b64({ ...claims, sub: 'admin' })}.${s}`, { secret, audience })).rejects.toThrow('token signature is invalid')
    const flipped = s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1)
    await expect(verifyWidgetToken(`${h}.${p}.${flipped}`, { secret, audience })).rejects.toThrow('token signature is invalid')
    await expect(verifyWidgetToken('not-a-jwt', { secret, audience })).rejects.toThrow('token is malformed')
  })

  it('accepts HS256 only: alg none, HS512 and RS256 headers are refused whatever the signature', async () => {
    const claims = { sub: 'alice', aud: audience, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300 }
    await expect(verifyWidgetToken(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`, { secret, audience })).rejects.toThrow('token header is invalid (HS256 JWT expected)')
    const hs512 = await sign(claims, secret, 'HS512')
    await expect(verifyWidgetToken(hs512, { secret, audience })).rejects.toThrow('token algorithm must be HS256')
    // Classic confusion: an RS256 header over an HMAC signature made with the shared secret.
    const hs256 = await sign(claims, secret, 'HS256')
    const rs = `${b64({ alg: 'RS256', typ: 'JWT' })}.${hs256.split('.')[1]}.${hs256.split('.')[2]}`
    await expect(verifyWidgetToken(rs, { secret, audience })).rejects.toThrow('token algorithm must be HS256')
  })

  it('rejects a lifetime over 15 minutes, a missing exp or sub, and an iat in the future', async () => {
    const iat = Math.floor(Date.now() / 1000)
    const long = await sign({ sub: 'a', aud: audience, iat, exp: iat + 3600 }, secret, 'HS256')
    await expect(verifyWidgetToken(long, { secret, audience })).rejects.toThrow('token lifetime exceeds 15 minutes')
    const longNoIat = await sign({ sub: 'a', aud: audience, exp: iat + 3600 }, secret, 'HS256')
    await expect(verifyWidgetToken(longNoIat, { secret, audience })).rejects.toThrow('token lifetime exceeds 15 minutes')
    const noExp = await sign({ sub: 'a', aud: audience, iat }, secret, 'HS256')
    await expect(verifyWidgetToken(noExp, { secret, audience })).rejects.toThrow('token has no expiry (exp)')
    const noSub = await sign({ aud: audience, iat, exp: iat + 60 }, secret, 'HS256')
    await expect(verifyWidgetToken(noSub, { secret, audience })).rejects.toThrow('token has no subject (sub)')
    const future = await sign({ sub: 'a', aud: audience, iat: iat + 600, exp: iat + 900 }, secret, 'HS256')
    await expect(verifyWidgetToken(future, { secret, audience })).rejects.toThrow('token issued in the future (iat)')
  })

  it('tolerates a minute of clock skew on iat (portal clock slightly ahead)', async () => {
    const iat = Math.floor(Date.now() / 1000) + 30
    const token = await sign({ sub: 'a', aud: audience, iat, exp: iat + 900 }, secret, 'HS256')
    expect((await verifyWidgetToken(token, { secret, audience })).sub).toBe('a')
  })
})
