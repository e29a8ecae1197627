import type { WebClient } from '@slack/web-api'
import type { AppDeps } from '../../app-deps.js'
import { createBotCore, type BotCore, type BotCoreOverrides } from '../bot/bot-core.js'
import { createSlackClient } from './slack-client.js'

/** The shared bot core plus what only Slack has: the signing secret, the bot token and the Web API client. */
export type SlackBot = BotCore & { signingSecret: string; token: string; client: WebClient }

/** Test seams: a renderer that needs no browser, or a preconfigured client. */
export type SlackBotOverrides = BotCoreOverrides & { client?: WebClient }

/** Builds the bot when Slack is configured (both the signing secret and the bot token); null otherwise. */
export function createSlackBot(deps: AppDeps, overrides: SlackBotOverrides = {}): SlackBot | null {
  const { signingSecret, botToken } = deps.config.slack
  if (!signingSecret || !botToken) return null
  return { ...createBotCore(deps, overrides), signingSecret, token: botToken, client: overrides.client ?? createSlackClient(deps.config) }
}
