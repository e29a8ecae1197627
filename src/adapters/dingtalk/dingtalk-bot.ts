import type { AppDeps } from '../../app-deps.js'
import { acceptQuestion, type Schedule } from '../bot/accept-question.js'
import { createBotCore, type BotCore, type BotCoreOverrides } from '../bot/bot-core.js'
import type { BotOutput } from '../bot/bot-question.js'
import { helpFacts, helpMarkdown } from '../bot/help-facts.js'
import { createDingTalkClient, type DingTalkClient } from './dingtalk-client.js'
import { answerMessages, chartMessage, markdownMessage } from './dingtalk-format.js'
import { questionFromDingTalk, type DingTalkMessage, type DingTalkQuestion } from './read-dingtalk-message.js'

/** The shared bot core plus DingTalk's robot settings and API client. */
export type DingTalkBot = BotCore & { config: AppDeps['config']['dingtalk']; client: DingTalkClient }

/** Builds the bot when DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET (the robot's app key and secret) are set. */
export function createDingTalkBot(deps: AppDeps, overrides: BotCoreOverrides & { client?: DingTalkClient } = {}): DingTalkBot | null {
  const config = deps.config.dingtalk
  if (!config.clientId || !config.clientSecret) return null
  return { ...createBotCore(deps, overrides), config, client: overrides.client ?? createDingTalkClient(config) }
}

/**
 * What the HTTP callback and Stream mode call with a robot message: dedupe on msgId, answer in the
 * background through the message's session webhook. DingTalk has no threads: a group conversation
 * continues per person, a direct chat per chat.
 */
export function handleDingTalkMessage(bot: DingTalkBot, m: DingTalkMessage, schedule?: Schedule): boolean {
  const q = questionFromDingTalk(m)
  if (!q) return false
  const threadKey = `dingtalk:${q.tenant}:${q.conversationId}${q.group ? `:${q.user}` : ''}`
  return acceptQuestion(bot, [`msg:${q.msgId}`], { principal: { platform: 'dingtalk', tenant: q.tenant, user: q.user }, threadKey, text: q.text }, dingtalkOutput(bot, q), schedule)
}

function dingtalkOutput(bot: DingTalkBot, q: DingTalkQuestion): BotOutput {
  const send = (body: Parameters<DingTalkClient['send']>[1]) => bot.client.send(q.webhook, body)
  return {
    answer: async (a) => { for (const m of answerMessages(a)) await send(m) },
    note: async (n) => { await send(markdownMessage(n.link ? `${n.text} [${n.link.label}](${n.link.url})` : n.text)) },
    help: async (lang) => { await send(markdownMessage(helpMarkdown(helpFacts(bot.deps.chat, lang, 'empty'), lang))) },
    chart: async (png, chart) => { await send(chartMessage(await bot.client.uploadImage(png), chart.spec.title)) },
  }
}
