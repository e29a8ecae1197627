import { ask, type AskResult } from '../../chat/ask.js'
import { isAppError } from '../../errors.js'
import { MAX_QUESTION } from '../http/chat-routes.js'
import { answerPageAccess, answerUrl } from './answer-page.js'
import { slackPrincipal } from '../../auth/principal.js'
import { countAnswers } from '../../chat/answer-store.js'
import { chartAltText } from './chart-summary.js'
import { formatAnswer, type SlackBlock } from './format-blocks.js'
import { helpMessage } from './help-text.js'
import type { SlackBot } from './slack-bot.js'
import { detectLang, labels, type Lang } from './slack-text.js'
import { escapeMrkdwn } from './to-mrkdwn.js'
import { uploadChart } from './upload-chart.js'

/** Charts attached per answer; more would flood the thread (all of them are on the web page). */
const MAX_CHARTS = 3

/** Where to answer: the thread under the question (its parent ts), and whether to also show the reply in the channel. */
export type ThreadQuestion = { team: string; channel: string; user: string; threadTs: string; text: string; broadcast?: boolean }

/** The key that ties a Slack thread to a stored conversation, so follow-ups in the thread continue it. */
export function threadKey(q: Pick<ThreadQuestion, 'team' | 'channel' | 'threadTs'>): string {
  return `slack:${q.team}:${q.channel}:${q.threadTs}`
}

/**
 * Answers a question in its thread: ask (continuing the thread's conversation) → chat.postMessage
 * with blocks → chart PNGs uploaded into the thread, or a link to the web page when they can't be.
 * Questions in one thread run one at a time so the stored history stays in order.
 */
export function answerInThread(bot: SlackBot, q: ThreadQuestion): Promise<void> {
  return bot.threads.run(threadKey(q), () => answer(bot, q))
}

async function answer(bot: SlackBot, q: ThreadQuestion): Promise<void> {
  const started = Date.now()
  const lang = detectLang(q.text)
  const l = labels[lang]
  const reply = (m: { text: string; blocks?: SlackBlock[] }) =>
    bot.client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, reply_broadcast: !!q.broadcast, text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}), unfurl_links: false, unfurl_media: false })
  if (!q.text) {
    await reply(helpMessage(bot.deps.chat, lang, 'empty'))
    return
  }
  if (q.text.length > MAX_QUESTION) {
    await reply({ text: l.tooLong(MAX_QUESTION) })
    return
  }
  let result: AskResult
  try {
    result = await ask(bot.deps.chat, { question: q.text, channel: 'slack', externalKey: threadKey(q), principal: slackPrincipal(q.team, q.user, bot.deps.config.slackScopes) })
  } catch (e) {
    bot.logError(`slack: could not answer in ${threadKey(q)}`, e)
    // AppError messages are written for users; anything else may carry internals.
    const why = isAppError(e) ? `: ${escapeMrkdwn(e.message)}` : '.'
    await reply({ text: `${l.failed}${why}` })
    return
  }
  const url = answerUrl(bot.deps.config.publicUrl, result.conversationId, await countAnswers(bot.deps.db, result.conversationId), answerPageAccess(bot.deps.config))
  await reply(formatAnswer(result, { answerUrl: url, lang }))
  bot.log(`slack: answered ${threadKey(q)} in ${Date.now() - started} ms (${result.toolCalls.length} tool calls, ${result.charts.length} charts)`)
  await shareCharts(bot, result, q, url, lang)
}

async function shareCharts(bot: SlackBot, result: AskResult, q: ThreadQuestion, url: string, lang: Lang): Promise<void> {
  let missing = 0
  for (const [i, chart] of result.charts.slice(0, MAX_CHARTS).entries()) {
    try {
      const png = await bot.renderer.render(chart.spec)
      if (!png) {
        missing++
        continue
      }
      await uploadChart(bot.client, bot.token, { png, filename: `chart-${i + 1}.png`, title: chart.spec.title, altText: chartAltText(chart.spec), channel: q.channel, threadTs: q.threadTs })
    } catch (e) {
      bot.logError('slack: chart upload failed', e)
      missing++
    }
  }
  if (missing) {
    const l = labels[lang]
    await bot.client.chat.postMessage({ channel: q.channel, thread_ts: q.threadTs, text: `${l.chartFailed} <${url}|${l.onTheWeb}>.`, unfurl_links: false })
  }
}
