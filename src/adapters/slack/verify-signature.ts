import { createHmac, timingSafeEqual } from 'node:crypto'

/** Slack rejects replays older than this; so do we (the SDK uses 60 * 5 seconds). */
export const MAX_SKEW_SECONDS = 60 * 5

/** The headers and raw body of a request claiming to come from Slack. */
export type SignedRequest = { timestamp: string | undefined; signature: string | undefined; rawBody: string }

/** Why a request failed verification (logged, never sent back in detail). */
export type VerifyFailure = 'missing_headers' | 'bad_timestamp' | 'stale_timestamp' | 'bad_signature'

/** The v0 signature Slack sends: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`
}

/**
 * Verifies a Slack request exactly as Slack specifies: timestamp within 5 minutes of now,
 * then a constant-time compare of the v0 signature over the raw, unparsed body.
 */
export function verifySlackSignature(signingSecret: string, req: SignedRequest, nowSeconds = Math.floor(Date.now() / 1000)): { ok: true } | { ok: false; reason: VerifyFailure } {
  if (!req.timestamp || !req.signature) return { ok: false, reason: 'missing_headers' }
  if (!/^\d{1,12}$/.test(req.timestamp)) return { ok: false, reason: 'bad_timestamp' }
  // Both directions: a future timestamp is as suspicious as an old one.
  if (Math.abs(nowSeconds - Number(req.timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale_timestamp' }
  const expected = Buffer.from(slackSignature(signingSecret, req.timestamp, req.rawBody), 'utf8')
  const given = Buffer.from(req.signature, 'utf8')
  // timingSafeEqual throws on unequal lengths; a length mismatch reveals nothing about the secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' }
  return { ok: true }
}
