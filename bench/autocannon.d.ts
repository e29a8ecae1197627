// The parts of autocannon (no bundled types) that bench/load.ts uses.
declare module 'autocannon' {
  type Histogram = { p50: number; p90: number; p99: number; max: number; average: number; mean: number }
  export type Result = {
    requests: Histogram & { total: number; sent: number }
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    duration: number
  }
  export type Options = {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    overallRate?: number
    method?: string
    headers?: Record<string, string>
    requests?: Array<{ method?: string; path?: string; body?: string; headers?: Record<string, string> }>
  }
  function autocannon(opts: Options): Promise<Result>
  export default autocannon
}
