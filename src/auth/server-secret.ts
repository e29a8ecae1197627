import { randomBytes } from 'node:crypto'
import type { Config } from '../config.js'
import { MAX_TOKEN_MINUTES, signWidgetToken } from './widget-token.js'

/**
 * The server always checks tokens on /api/*. Without WIDGET_SECRET it makes up a random secret for
 * this run (never printed), so a fresh install is protected with zero configuration; only tokens this
 * process mints (the chat page's, the start-up one) verify until WIDGET_SECRET is set.
 */
export function withServerSecret(config: Config): { config: Config; generated: boolean } {
  if (config.widget.secret) return { config, generated: false }
  return { config: { ...config, widget: { ...config.widget, secret: randomBytes(32).toString('base64url') } }, generated: true }
}

/** The start-up log line with a token for curl and scripts (`token=<jwt>` last on the line, for grep). */
export async function startupTokenLine(config: Config): Promise<string> {
  if (!config.widget.secret) return ''
  const token = await signWidgetToken({ secret: config.widget.secret, audience: config.widget.audience, sub: 'cli', minutes: MAX_TOKEN_MINUTES })
  return `API token for curl (Authorization: Bearer …, valid ${MAX_TOKEN_MINUTES} min): token=${token}`
}
