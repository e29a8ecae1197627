import type { AppDeps } from '../../app-deps.js'
import { acceptQuestion, type Schedule } from '../bot/accept-question.js'
import { createBotCore, type BotCore, type BotCoreOverrides } from '../bot/bot-core.js'
import type { BotOutput } from '../bot/bot-question.js'
import { helpFacts, helpMarkdown } from '../bot/help-facts.js'
import { createWecomClient, type WecomClient } from './wecom-client.js'
import { answerMessages, markdownMessage } from './wecom-format.js'
import type { WecomQuestion } from './read-wecom-xml.js'

/** The shared bot core plus the WeCom application's settings and API client. */
export type WecomBot = BotCore & { config: Required<Pick<AppDeps['config']['wecom'], 'corpId' | 'agentId' | 'secret' | 'token' | 'encodingAesKey'>> & AppDeps['config']['wecom']; client: WecomClient }

/** Builds the bot when every WeCom setting is there (corp id, agent id, secret, callback token and EncodingAESKey). */
export function createWecomBot(deps: AppDeps, overrides: BotCoreOverrides & { client?: WecomClient } = {}): WecomBot | null {
  const c = deps.config.wecom
  if (!c.corpId || !c.agentId || !c.secret || !c.token || !c.encodingAesKey) return null
  return { ...createBotCore(deps, overrides), config: { ...c, corpId: c.corpId, agentId: c.agentId, secret: c.secret, token: c.token, encodingAesKey: c.encodingAesKey }, client: overrides.client ?? createWecomClient(c) }
}

/**
 * Dedupe on MsgId (WeCom retries three times when the callback is slower than 5 s), then answer in
 * the background with application messages. An application chat is one person and the app, so it
 * is one conversation per person.
 */
export function handleWecomQuestion(bot: WecomBot, q: WecomQuestion, schedule?: Schedule): boolean {
  const principal = { platform: 'wecom' as const, tenant: q.corpId, user: q.user }
  return acceptQuestion(bot, [`msg:${q.msgId}`], { principal, threadKey: `wecom:${q.corpId}:${q.agentId}:${q.user}`, text: q.text }, wecomOutput(bot, q), schedule)
}

function wecomOutput(bot: WecomBot, q: WecomQuestion): BotOutput {
  const send = (m: Parameters<WecomClient['send']>[1]) => bot.client.send(q.user, m)
  return {
    answer: async (a) => { for (const m of answerMessages(a)) await send(m) },
    note: async (n) => { await send(markdownMessage(n.link ? `${n.text} [${n.link.label}](${n.link.url})` : n.text)) },
    help: async (lang) => { await send(markdownMessage(helpMarkdown(helpFacts(bot.deps.chat, lang, 'empty'), lang))) },
    chart: async (png) => { await send({ msgtype: 'image', image: { media_id: await bot.client.uploadImage(png) } }) },
  }
}
