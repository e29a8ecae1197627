import { createHmac, timingSafeEqual } from 'node:crypto'

/** DingTalk accepts at most an hour between the callback's timestamp and now; so do we. */
export const MAX_SKEW_MS = 60 * 60 * 1000

/** The `sign` header: Base64(HmacSHA256(app secret, timestamp + "\n" + app secret)). */
export function dingtalkSign(appSecret: string, timestamp: string): string {
  return createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`).digest('base64')
}

/** Verifies a callback's `timestamp` (ms) and `sign` headers: within the skew, then a constant-time compare. */
export function verifyDingTalkSign(appSecret: string, h: { timestamp?: string; sign?: string }, nowMs = Date.now()): boolean {
  if (!h.timestamp || !h.sign || !/^\d{1,15}$/.test(h.timestamp)) return false
  if (Math.abs(nowMs - Number(h.timestamp)) > MAX_SKEW_MS) return false
  const expected = Buffer.from(dingtalkSign(appSecret, h.timestamp))
  const given = Buffer.from(h.sign)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
