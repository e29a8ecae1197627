import { ask, type AskResult } from '../../chat/ask.js'
import { countAnswers } from '../../chat/answer-store.js'
import { isAppError } from '../../errors.js'
import { MAX_QUESTION } from '../http/chat-routes.js'
import { answerFacts } from './answer-facts.js'
import { answerPageAccess, answerUrl } from './answer-page.js'
import { botPrincipal } from '../../auth/principal.js'
import type { BotCore } from './bot-core.js'
import type { BotOutput, BotQuestion } from './bot-question.js'
import { botLabels, detectLang, type Lang } from './bot-text.js'

/** Charts attached per answer; more would flood the thread (all of them are on the web page). */
export const MAX_CHARTS = 3

/** How long each step took, for the log and the latency measurements. */
export type AnswerTimings = { answeredMs: number; chartsMs: number }

/**
 * The part every platform shares once a question is verified, acknowledged and deduplicated:
 * ask (continuing the thread's conversation) → post the answer with its provenance link → render
 * and post the charts, or a link to the web page when they cannot be. Questions in one thread run
 * one at a time so the stored history stays in order. The answer's language follows the message.
 */
export function answerQuestion(core: BotCore, q: BotQuestion, out: BotOutput): Promise<AnswerTimings | null> {
  return core.threads.run(q.threadKey, () => answer(core, q, out))
}

async function answer(core: BotCore, q: BotQuestion, out: BotOutput): Promise<AnswerTimings | null> {
  const started = Date.now()
  const lang = detectLang(q.text)
  const l = botLabels[lang]
  const platform = q.principal.platform
  if (!q.text) {
    await out.help(lang)
    return null
  }
  if (q.text.length > MAX_QUESTION) {
    await out.note({ text: l.tooLong(MAX_QUESTION) }, lang)
    return null
  }
  let result: AskResult
  try {
    const principal = botPrincipal(platform, q.principal.tenant, q.principal.user, core.deps.config.botScopes)
    result = await ask(core.deps.chat, { question: q.text, channel: platform, externalKey: q.threadKey, principal })
  } catch (e) {
    core.logError(`${platform}: could not answer in ${q.threadKey} for ${q.principal.tenant}/${q.principal.user}`, e)
    // AppError messages are written for users; anything else may carry internals.
    await out.note({ text: isAppError(e) ? `${l.failed}: ${e.message}` : `${l.failed}.` }, lang)
    return null
  }
  const url = answerUrl(core.deps.config.publicUrl, result.conversationId, await countAnswers(core.deps.db, result.conversationId), answerPageAccess(core.deps.config))
  await out.answer({ result, lang, answerUrl: url, facts: answerFacts(result.toolCalls) })
  const answeredMs = Date.now() - started
  core.log(`${platform}: answered ${q.threadKey} in ${answeredMs} ms (${result.toolCalls.length} tool calls, ${result.charts.length} charts)`)
  await shareCharts(core, result, out, url, lang, platform)
  return { answeredMs, chartsMs: Date.now() - started }
}

async function shareCharts(core: BotCore, result: AskResult, out: BotOutput, url: string, lang: Lang, platform: string): Promise<void> {
  let missing = 0
  for (const [i, chart] of result.charts.slice(0, MAX_CHARTS).entries()) {
    try {
      const png = await core.renderer.render(chart.spec)
      if (!png) {
        missing++
        continue
      }
      await out.chart(png, chart, i, lang)
    } catch (e) {
      core.logError(`${platform}: chart upload failed`, e)
      missing++
    }
  }
  if (missing) await out.note({ text: botLabels[lang].chartFailed, link: { url, label: botLabels[lang].onTheWeb } }, lang)
}
