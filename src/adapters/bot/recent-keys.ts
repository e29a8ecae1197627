/** How long a seen event is remembered: Slack's last retry comes about 5 minutes after the first delivery. */
export const DEDUPE_TTL_MS = 60 * 60 * 1000

/**
 * Remembers keys (event ids, message ids) for a while, so Slack's retries are answered once.
 * In memory, per process: several instances behind a load balancer would need a shared store.
 */
export class RecentKeys {
  private readonly seen = new Map<string, number>()
  constructor(private readonly ttlMs = DEDUPE_TTL_MS, private readonly maxKeys = 10_000) {}

  /** Records the keys; true when any of them was already seen (and not expired). */
  checkAndAdd(keys: string[], now = Date.now()): boolean {
    this.prune(now)
    const dup = keys.some((k) => (this.seen.get(k) ?? 0) > now)
    for (const k of keys) {
      // Re-insert so the Map's order stays oldest-first, which prune relies on.
      this.seen.delete(k)
      this.seen.set(k, now + this.ttlMs)
    }
    return dup
  }

  private prune(now: number): void {
    // Map keeps insertion order, so the oldest entries come first.
    for (const [k, expires] of this.seen) {
      if (expires > now && this.seen.size <= this.maxKeys) break
      this.seen.delete(k)
    }
  }
}
