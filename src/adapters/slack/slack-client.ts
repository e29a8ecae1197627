import { LogLevel, WebClient, type Logger } from '@slack/web-api'
import type { Config } from '../../config.js'

/** Seconds before one Web API call is abandoned; answers are posted in the background, so failing is better than hanging. */
const TIMEOUT_MS = 15_000

/** A Web API client for the bot token; SLACK_API_URL points it at a fake server in tests. */
export function createSlackClient(config: Config): WebClient {
  return new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    timeout: TIMEOUT_MS,
    // The default policy retries for about 30 minutes; an answer that late is worse than an error message.
    retryConfig: { retries: 2, minTimeout: 500, maxTimeout: 2000 },
    logger: quietLogger(config.logLevel),
  })
}

// The SDK logs warnings to the console on its own; follow LOG_LEVEL instead (silent in tests).
function quietLogger(level: Config['logLevel']): Logger {
  const order: Config['logLevel'][] = ['silent', 'error', 'info', 'debug']
  const on = (min: Config['logLevel']) => level !== 'silent' && order.indexOf(level) >= order.indexOf(min)
  return {
    debug: (...m) => { if (on('debug')) console.debug(...m) },
    info: (...m) => { if (on('info')) console.info(...m) },
    warn: (...m) => { if (on('info')) console.warn(...m) },
    error: (...m) => { if (on('error')) console.error(...m) },
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  }
}
