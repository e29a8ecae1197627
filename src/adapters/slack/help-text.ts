import type { ChatDeps } from '../../chat/chat-deps.js'
import { describeData } from '../../tools/describe-data.js'
import type { SlackMessage } from './format-blocks.js'
import { labels, type Lang } from './slack-text.js'
import { escapeMrkdwn } from './to-mrkdwn.js'

/** `/churn help`: what the bot can answer, from describe_data — starter questions, metrics, dimensions and the data range. */
export function helpMessage(chat: ChatDeps, lang: Lang, intro: 'help' | 'empty' = 'help'): SlackMessage {
  const l = labels[lang]
  const d = describeData({ db: chat.db, catalog: chat.catalog(), churn: chat.churn, grossMargin: chat.grossMargin }, lang)
  const questions = d.suggestions.map((s) => `• ${escapeMrkdwn(s)}`).join('\n')
  const metrics = d.metrics.map((m) => escapeMrkdwn(m.name)).join(', ')
  const dims = d.dimensions.map((x) => escapeMrkdwn(x.name)).join(', ')
  const head = intro === 'help' ? l.helpIntro : l.emptyMention
  const facts = [
    l.helpData(d.period.from, d.period.to, d.counts.customers),
    `*${l.helpMetrics}:* ${metrics}`,
    dims ? `*${l.helpDimensions}:* ${dims}` : '',
    d.definition ? `_${escapeMrkdwn(d.definition)}_` : '',
  ].filter(Boolean)
  return {
    text: `${head}\n${d.suggestions.join('\n')}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${head}\n${questions}`.slice(0, 3000) } },
      { type: 'context', elements: facts.map((f) => ({ type: 'mrkdwn' as const, text: f.slice(0, 2000) })) },
    ],
  }
}
