import type { MiddlewareHandler } from 'hono'
import { AppError } from '../errors.js'
import { principalOf } from './principal-context.js'

/** The answer of a rate check: go ahead, or wait `retryAfter` seconds. */
export type RateDecision = { ok: true } | { ok: false; retryAfter: number }

// Buckets kept before idle (full) ones are dropped; bounds memory under many principals.
const MAX_KEYS = 10_000

/**
 * A token bucket per principal: `perMinute` questions a minute with bursts up to the same number.
 * In memory, per process; 0 disables it.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  constructor(readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /** Takes one token for `key`, or says how long until one is available. */
  take(key: string): RateDecision {
    if (this.perMinute <= 0) return { ok: true }
    const t = this.now()
    const rate = this.perMinute / 60_000
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: t }
    b.tokens = Math.min(this.perMinute, b.tokens + (t - b.at) * rate)
    b.at = t
    if (b.tokens < 1) {
      this.buckets.set(key, b)
      return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)) }
    }
    b.tokens -= 1
    this.buckets.delete(key)
    this.buckets.set(key, b)
    if (this.buckets.size > MAX_KEYS) this.dropIdle(t, rate)
    return { ok: true }
  }

  private dropIdle(t: number, rate: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + (t - b.at) * rate >= this.perMinute) this.buckets.delete(k)
      if (this.buckets.size <= MAX_KEYS / 2) break
    }
  }
}

/**
 * Hono middleware charging one token per request to the request's principal (after requireToken);
 * the local caller is not limited. 429 with Retry-After, like questions.
 */
export function rateLimitRequests(limiter: RateLimiter | undefined): MiddlewareHandler {
  return async (c, next) => {
    const principal = principalOf(c)
    if (!limiter || principal.kind === 'local') return next()
    const d = limiter.take(principal.id)
    if (!d.ok) throw new AppError('rate_limited', `Too many requests: please wait ${d.retryAfter} seconds and try again.`, undefined, { retryAfter: d.retryAfter })
    await next()
  }
}
