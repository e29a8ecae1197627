import { performance } from 'node:perf_hooks'

/** Median and 95th percentile of a timed function, in milliseconds (nearest-rank p95: with few runs it is the slowest). */
export type Timing = { median: number; p95: number; runs: number }

/** A warm-up slower than this means few timed runs: the figure is clear and the run stays short. */
const SLOW_MS = 3000

/** Runs `fn` once to warm caches, then `runs` times (2 when the warm-up took over SLOW_MS), timing each call. */
export async function time(fn: () => unknown, runs: number): Promise<Timing> {
  const warm = performance.now()
  await fn()
  const n = performance.now() - warm > SLOW_MS ? Math.min(runs, 2) : runs
  const t: number[] = []
  for (let i = 0; i < n; i++) {
    const start = performance.now()
    await fn()
    t.push(performance.now() - start)
  }
  return summarize(t)
}

/** Median and nearest-rank p95 of raw timings. */
export function summarize(times: number[]): Timing {
  const s = [...times].sort((a, b) => a - b)
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
  return { median, p95: s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)], runs: s.length }
}

/** Milliseconds for a table: whole numbers from 100 up, one decimal below. */
export function ms(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1)
}
