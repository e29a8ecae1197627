import { chartAltText } from '../../chart/chart-alt-text.js'
import { answerQuestion } from '../bot/answer-question.js'
import type { BotOutput } from '../bot/bot-question.js'
import { formatAnswer, type SlackBlock } from './format-blocks.js'
import { helpMessage } from './help-text.js'
import type { SlackBot } from './slack-bot.js'
import { escapeMrkdwn } from './to-mrkdwn.js'
import { uploadChart } from './upload-chart.js'

/** Where to answer: the thread under the question (its parent ts), and whether to also show the reply in the channel. */
export type ThreadQuestion = { team: string; channel: string; threadTs: string; text: string; user?: string; broadcast?: boolean }

/** The key that ties a Slack thread to a stored conversation, so follow-ups in the thread continue it. */
export function threadKey(q: Pick<ThreadQuestion, 'team' | 'channel' | 'threadTs'>): string {
  return `slack:${q.team}:${q.channel}:${q.threadTs}`
}

/**
 * Answers a question in its thread through the shared bot core; this file only says how Slack posts:
 * chat.postMessage with blocks, chart PNGs through the external upload, links as <url|label>.
 */
export async function answerInThread(bot: SlackBot, q: ThreadQuestion): Promise<void> {
  await answerQuestion(bot, { principal: { platform: 'slack', tenant: q.team, user: q.user ?? '' }, threadKey: threadKey(q), text: q.text }, slackOutput(bot, q))
}

function slackOutput(bot: SlackBot, q: ThreadQuestion): BotOutput {
  const post = (m: { text: string; blocks?: SlackBlock[] }, broadcast = !!q.broadcast) =>
    bot.client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, reply_broadcast: broadcast, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}), unfurl_links: false, unfurl_media: false })
  return {
    answer: async (a) => { await post(formatAnswer(a.result, { answerUrl: a.answerUrl, lang: a.lang })) },
    note: async (n) => { await post({ text: n.link ? `${escapeMrkdwn(n.text)} <${n.link.url}|${n.link.label}>.` : escapeMrkdwn(n.text) }, n.link ? false : !!q.broadcast) },
    help: async (lang) => { await post(helpMessage(bot.deps.chat, lang, 'empty')) },
    chart: async (png, chart, i) => {
      await uploadChart(bot.client, bot.token, { png, filename: `chart-${i + 1}.png`, title: chart.spec.title, altText: chartAltText(chart.spec), channel: q.channel, threadTs: q.threadTs })
    },
  }
}
