import type { ChatDeps } from '../../chat/chat-deps.js'
import { describeData } from '../../tools/describe-data.js'
import { botLabels, type Lang } from './bot-text.js'

/** What the bot can answer, from describe_data, as typed pieces each platform formats its own way. */
export type HelpFacts = { intro: string; questions: string[]; data: string; metrics: string[]; dimensions: string[]; definition?: string }

/** The help a bot posts for "help" or an empty mention: starter questions, metrics, dimensions and the data range. */
export function helpFacts(chat: ChatDeps, lang: Lang, intro: 'help' | 'empty' = 'help', introText?: string): HelpFacts {
  const l = botLabels[lang]
  const d = describeData({ db: chat.db, catalog: chat.catalog(), churn: chat.churn, grossMargin: chat.grossMargin }, lang)
  return {
    intro: intro === 'help' ? (introText ?? l.helpIntro) : l.emptyMention,
    questions: d.suggestions,
    data: l.helpData(d.period.from, d.period.to, d.counts.customers),
    metrics: d.metrics.map((m) => m.name),
    dimensions: d.dimensions.map((x) => x.name),
    ...(d.definition ? { definition: d.definition } : {}),
  }
}

/** Help as Markdown, for the platforms whose messages are Markdown (Feishu, DingTalk, WeCom). */
export function helpMarkdown(h: HelpFacts, lang: Lang): string {
  const l = botLabels[lang]
  return [
    h.intro,
    ...h.questions.map((q) => `- ${q}`),
    '',
    h.data,
    `**${l.helpMetrics}:** ${h.metrics.join(', ')}`,
    ...(h.dimensions.length ? [`**${l.helpDimensions}:** ${h.dimensions.join(', ')}`] : []),
    ...(h.definition ? [h.definition] : []),
  ].join('\n')
}
