import { randomBytes } from 'node:crypto'
import type { Config } from '../config.js'
import { redactSecrets } from '../privacy/redact-secrets.js'

/** Log levels, quietest first. */
export type LogLevel = 'silent' | 'error' | 'info' | 'debug'

/** The server log: the one place error details (provider text, SQL errors, hosts) go, with secrets redacted. */
export type ServerLog = {
  info(msg: string): void
  /** Logs an error with its reference id, cause chain and stack; returns the line written (for tests). */
  error(ref: string, msg: string, e?: unknown): string
}

/** A short reference id users quote to an administrator; the server log line carries it. */
export function newRef(): string {
  return randomBytes(5).toString('hex')
}

/** Creates the log: `secrets` (API keys, bot tokens, signing secrets) never reach it verbatim. */
export function createServerLog(level: LogLevel, secrets: readonly (string | undefined)[] = [], sink: (line: string) => void = (l) => console.error(l)): ServerLog {
  const order: LogLevel[] = ['silent', 'error', 'info', 'debug']
  const on = (min: LogLevel) => level !== 'silent' && order.indexOf(level) >= order.indexOf(min)
  return {
    info(msg) {
      if (on('info')) sink(redactSecrets(msg, secrets))
    },
    error(ref, msg, e) {
      const line = redactSecrets(`[ref ${ref}] ${msg}${e === undefined ? '' : `: ${describe(e)}`}`, secrets)
      if (on('error')) sink(line)
      return line
    },
  }
}

// Message, cause chain and the first stack frames: enough to debug, bounded in size.
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e)
  const parts = [`${e.name}: ${e.message}`]
  let cause = (e as { cause?: unknown }).cause
  for (let i = 0; cause && i < 3; i++) {
    parts.push(`caused by ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`)
    cause = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined
  }
  const stack = e.stack?.split('\n').slice(1, 6).join('\n') ?? ''
  return `${parts.join(' — ')}${stack ? `\n${stack}` : ''}`
}

/** The server's log at its configured level, redacting every secret the configuration holds. */
export function configuredServerLog(config: Config): ServerLog {
  return createServerLog(config.logLevel, [config.openai.apiKey, config.widget.secret, config.slack.botToken, config.slack.signingSecret, config.feishu.appSecret, config.dingtalk.clientSecret, config.wecom.secret])
}
