import { ask } from '../../chat/ask.js'
import { answerPageAccess, answerUrl } from '../bot/answer-page.js'
import { botPrincipal } from '../../auth/principal.js'
import { answerInThread } from './answer-thread.js'
import { formatAnswer } from './format-blocks.js'
import type { SlackBot } from './slack-bot.js'
import { detectLang } from '../bot/bot-text.js'
import { labels } from './slack-text.js'
import { escapeMrkdwn } from './to-mrkdwn.js'

/** A `/churn <question>` invocation, as Slack's form fields give it. */
export type SlashCommand = { team: string; channel: string; user: string; text: string; responseUrl: string }

/**
 * Answers a slash command in the channel: the bot posts the question (slash commands are invisible to
 * others), then answers in its thread with reply_broadcast so the channel sees it and thread follow-ups
 * continue the conversation. Where the bot can't post (not a member, a DM between people) the answer
 * goes through response_url instead.
 */
export async function answerSlashCommand(bot: SlackBot, cmd: SlashCommand): Promise<void> {
  const l = labels[detectLang(cmd.text)]
  let parentTs: string | undefined
  try {
    const r = await bot.client.chat.postMessage({ channel: cmd.channel, text: `<@${cmd.user}> ${l.asked}: ${escapeMrkdwn(cmd.text)}`, unfurl_links: false })
    parentTs = r.ts
  } catch (e) {
    if (!cannotPost(e)) throw e
  }
  if (parentTs) return answerInThread(bot, { team: cmd.team, channel: cmd.channel, threadTs: parentTs, text: cmd.text, user: cmd.user, broadcast: true })
  await answerViaResponseUrl(bot, cmd)
}

function cannotPost(e: unknown): boolean {
  const code = (e as { data?: { error?: string } }).data?.error
  return code === 'not_in_channel' || code === 'channel_not_found' || code === 'is_archived'
}

async function answerViaResponseUrl(bot: SlackBot, cmd: SlashCommand): Promise<void> {
  if (!trustedResponseUrl(cmd.responseUrl, bot.deps.config.slack.apiUrl)) throw new Error(`untrusted response_url host: ${safeHost(cmd.responseUrl)}`)
  const lang = detectLang(cmd.text)
  const result = await ask(bot.deps.chat, { question: cmd.text, channel: 'slack', principal: botPrincipal('slack', cmd.team, cmd.user, bot.deps.config.botScopes) })
  const msg = formatAnswer(result, { answerUrl: answerUrl(bot.deps.config.publicUrl, result.conversationId, undefined, answerPageAccess(bot.deps.config)), lang })
  const asked = `<@${cmd.user}> ${labels[lang].asked}: ${escapeMrkdwn(cmd.text)}`
  const res = await fetch(cmd.responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'in_channel', replace_original: false, text: `${asked}\n${msg.text}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: asked.slice(0, 3000) } }, ...msg.blocks].slice(0, 50) }),
    redirect: 'error',
    signal: AbortSignal.timeout(15_000),
  })
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`)
}

/** response_url comes from a verified request, but only Slack's hooks host (or the test API host) is ever called. */
export function trustedResponseUrl(url: string, apiUrl?: string): boolean {
  try {
    const u = new URL(url)
    if (u.protocol === 'https:' && u.hostname === 'hooks.slack.com') return true
    return !!apiUrl && u.origin === new URL(apiUrl).origin
  } catch {
    return false
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return '(invalid)'
  }
}
