import type { Context } from 'hono'

/**
 * Runs work after the response is sent. On Workers, unregistered promises are dropped,
 * so register with executionCtx.waitUntil; on Node there is no execution context and
 * fire-and-forget (with a catch) is enough.
 */
export function runInBackground(c: Context, work: () => Promise<unknown>, onError: (e: unknown) => void): void {
  // Start on a later macrotask: SQLite queries are synchronous, and started now they would hold the
  // event loop before the acknowledgement is written.
  const guarded = new Promise((resolve) => setTimeout(resolve, 0)).then(work).catch(onError)
  try {
    c.executionCtx.waitUntil(guarded)
  } catch {
    // Node: Hono throws when there is no ExecutionContext; the promise keeps running on its own.
  }
}

/** Runs tasks one after another per key, so two quick messages in one thread don't interleave its history. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  /** Queues the task behind earlier ones with the same key; resolves with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve()
    const next = prev.catch(() => {}).then(task)
    this.tails.set(key, next)
    void next.catch(() => {}).finally(() => { if (this.tails.get(key) === next) this.tails.delete(key) })
    return next
  }
}
