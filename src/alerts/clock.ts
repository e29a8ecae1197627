/** Time as the scheduler sees it; tests inject a fake that they advance by hand. */
export type Clock = { now(): Date; setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void }

/** The real clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}
