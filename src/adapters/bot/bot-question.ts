import type { Chart } from '../../chart/chart-spec.js'
import type { AskResult } from '../../chat/ask.js'
import type { AnswerFacts } from './answer-facts.js'
import type { Lang } from './bot-text.js'

/** The chat platforms the bot core serves; also the conversation channel their answers are stored under. */
export const BOT_PLATFORMS = ['slack', 'feishu', 'dingtalk', 'wecom'] as const
export type BotPlatform = (typeof BOT_PLATFORMS)[number]

/** Who asked: the platform's user within its tenant (Slack team, Feishu tenant, DingTalk corp, WeCom corp). */
export type Principal = { platform: BotPlatform; tenant: string; user: string }

/**
 * A question as every platform adapter hands it to the core: who asked, the thread it belongs to
 * (follow-ups in one thread continue one conversation) and the cleaned text.
 */
export type BotQuestion = { principal: Principal; threadKey: string; text: string }

/** An answer ready to post: the result, its language, the provenance page and the period/definition facts. */
export type BotAnswer = { result: AskResult; lang: Lang; answerUrl: string; facts: AnswerFacts }

/** A short note (errors, a missing chart), optionally with a link the platform formats its own way. */
export type BotNote = { text: string; link?: { url: string; label: string } }

/** What a platform adapter supplies to post into the question's thread; the core decides what to post and when. */
export type BotOutput = {
  answer(a: BotAnswer): Promise<void>
  note(n: BotNote, lang: Lang): Promise<void>
  /** Posts one chart image (PNG bytes) into the thread. */
  chart(png: Buffer, chart: Chart, index: number, lang: Lang): Promise<void>
  /** What the bot can answer, when the message was empty. */
  help(lang: Lang): Promise<void>
}
