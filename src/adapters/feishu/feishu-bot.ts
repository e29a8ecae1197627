import type { AppDeps } from '../../app-deps.js'
import { chartAltText } from '../../chart/chart-alt-text.js'
import { acceptQuestion, type Schedule } from '../bot/accept-question.js'
import { createBotCore, type BotCore, type BotCoreOverrides } from '../bot/bot-core.js'
import type { BotOutput } from '../bot/bot-question.js'
import { helpFacts, helpMarkdown } from '../bot/help-facts.js'
import { answerCards, chartCard, markdownCard } from './feishu-card.js'
import { createFeishuClient, type FeishuClient } from './feishu-client.js'
import { questionFromFeishuEvent, type FeishuMessageEvent, type FeishuQuestion } from './read-feishu-event.js'

/** The shared bot core plus Feishu's app settings and Open API client. */
export type FeishuBot = BotCore & { config: AppDeps['config']['feishu']; client: FeishuClient }

/** Builds the bot when FEISHU_APP_ID and FEISHU_APP_SECRET are set; null otherwise. */
export function createFeishuBot(deps: AppDeps, overrides: BotCoreOverrides & { client?: FeishuClient } = {}): FeishuBot | null {
  const config = deps.config.feishu
  if (!config.appId || !config.appSecret) return null
  return { ...createBotCore(deps, overrides), config, client: overrides.client ?? createFeishuClient(config) }
}

/**
 * What both connection modes call with a decoded im.message.receive_v1 event: read the question,
 * dedupe on event_id and message_id, answer in the background. Returns at once, so the HTTP
 * response or the long connection's ack goes out within Feishu's 3 seconds.
 */
export function handleFeishuMessage(bot: FeishuBot, ev: FeishuMessageEvent, schedule?: Schedule): void {
  const q = questionFromFeishuEvent(ev)
  if (!q) return
  const keys = [`msg:${q.messageId}`, ...(q.eventId ? [`event:${q.eventId}`] : [])]
  const principal = { platform: 'feishu' as const, tenant: q.tenant, user: q.user }
  acceptQuestion(bot, keys, { principal, threadKey: `feishu:${q.tenant}:${q.chatId}:${q.threadRoot}`, text: q.text }, feishuOutput(bot, q), schedule)
}

function feishuOutput(bot: FeishuBot, q: FeishuQuestion): BotOutput {
  let n = 0
  // Every reply answers the question's message; in a group with reply_in_thread, so they all land in its thread.
  const reply = (c: Parameters<FeishuClient['replyCard']>[1]) => bot.client.replyCard(q.messageId, c, { uuid: `${q.messageId}-${++n}`.slice(-50), inThread: q.group })
  return {
    answer: async (a) => { for (const c of answerCards(a)) await reply(c) },
    note: async (note) => { await reply(markdownCard(note.link ? `${note.text} [${note.link.label}](${note.link.url})` : note.text)) },
    help: async (lang) => { await reply(markdownCard(helpMarkdown(helpFacts(bot.deps.chat, lang, 'empty'), lang))) },
    chart: async (png, chart) => {
      const key = await bot.client.uploadImage(png)
      await reply(chartCard(key, chart.spec.title, chartAltText(chart.spec)))
    },
  }
}
