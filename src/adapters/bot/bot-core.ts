import type { AppDeps } from '../../app-deps.js'
import type { ChartRenderer } from '../../chart/chart-renderer.js'
import { sharedChartRenderer } from '../../chart/shared-chart-renderer.js'
import { KeyedQueue } from './background.js'
import { RecentKeys } from './recent-keys.js'

/** What every platform's bot shares: app deps, the chart renderer, dedupe memory, per-thread queues and logging. */
export type BotCore = {
  deps: AppDeps
  renderer: ChartRenderer
  seen: RecentKeys
  threads: KeyedQueue
  /** Progress notes (LOG_LEVEL info and debug). */
  log: (msg: string) => void
  /** Failures (every LOG_LEVEL but silent); details stay in the server log. */
  logError: (msg: string, e?: unknown) => void
}

/** Test seam: a renderer that needs no font files or browser. */
export type BotCoreOverrides = { renderer?: ChartRenderer }

/** Builds the core one platform bot runs on (each platform has its own dedupe memory and thread queues). */
export function createBotCore(deps: AppDeps, overrides: BotCoreOverrides = {}): BotCore {
  const level = deps.config.logLevel
  const log = (msg: string) => { if (level === 'info' || level === 'debug') console.log(msg) }
  const logError = (msg: string, e?: unknown) => {
    if (level !== 'silent') console.error(e === undefined ? msg : `${msg}: ${e instanceof Error ? e.message : String(e)}`)
  }
  return {
    deps,
    renderer: overrides.renderer ?? sharedChartRenderer(deps.config.chartRenderer, logError),
    seen: new RecentKeys(),
    threads: new KeyedQueue(),
    log,
    logError,
  }
}
