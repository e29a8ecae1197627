import { createHmac, timingSafeEqual } from 'node:crypto'

/** Query parameters of a signed /answers link. */
export type AnswerLink = { exp: number; sig: string }

function mac(secret: string, conversationId: string, exp: number): string {
  // A purpose prefix, so this MAC can never double as a token signature.
  return createHmac('sha256', secret).update(`answers-link:${conversationId}:${exp}`).digest('base64url')
}

/** Signs a link to one conversation's answer page, valid for `hours`. */
export function signAnswerLink(secret: string, conversationId: string, hours: number, now = Date.now()): AnswerLink {
  const exp = Math.floor(now / 1000) + Math.round(hours * 3600)
  return { exp, sig: mac(secret, conversationId, exp) }
}

/** True when `sig` signs this conversation and `exp` (seconds) has not passed. */
export function verifyAnswerLink(secret: string, conversationId: string, exp: string | undefined, sig: string | undefined, now = Date.now()): boolean {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false
  if (Number(exp) * 1000 <= now) return false
  const want = Buffer.from(mac(secret, conversationId, Number(exp)))
  const got = Buffer.from(sig)
  return want.length === got.length && timingSafeEqual(want, got)
}
