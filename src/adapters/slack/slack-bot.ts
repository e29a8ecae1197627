import type { WebClient } from '@slack/web-api'
import type { AppDeps } from '../../app-deps.js'
import { KeyedQueue } from './background.js'
import { RecentKeys } from './recent-keys.js'
import { sharedChartRenderer, type ChartRenderer } from './render-chart-png.js'
import { createSlackClient } from './slack-client.js'

/** Everything the Slack handlers share: app deps, the Web API client, the chart renderer, dedupe and per-thread queues. */
export type SlackBot = {
  deps: AppDeps
  signingSecret: string
  token: string
  client: WebClient
  renderer: ChartRenderer
  seen: RecentKeys
  threads: KeyedQueue
  /** Progress notes (LOG_LEVEL info and debug). */
  log: (msg: string) => void
  /** Failures (every LOG_LEVEL but silent). */
  logError: (msg: string, e?: unknown) => void
}

/** Test seams: a renderer that needs no browser, or a preconfigured client. */
export type SlackBotOverrides = { renderer?: ChartRenderer; client?: WebClient }

/** Builds the bot when Slack is configured (both the signing secret and the bot token); null otherwise. */
export function createSlackBot(deps: AppDeps, overrides: SlackBotOverrides = {}): SlackBot | null {
  const { signingSecret, botToken } = deps.config.slack
  if (!signingSecret || !botToken) return null
  const level = deps.config.logLevel
  const log = (msg: string) => { if (level === 'info' || level === 'debug') console.log(msg) }
  const logError = (msg: string, e?: unknown) => {
    if (level !== 'silent') console.error(e === undefined ? msg : `${msg}: ${e instanceof Error ? e.message : String(e)}`)
  }
  return {
    deps,
    signingSecret,
    token: botToken,
    client: overrides.client ?? createSlackClient(deps.config),
    renderer: overrides.renderer ?? sharedChartRenderer(logError),
    seen: new RecentKeys(),
    threads: new KeyedQueue(),
    log,
    logError,
  }
}
