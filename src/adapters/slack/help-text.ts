import type { ChatDeps } from '../../chat/chat-deps.js'
import type { Lang } from '../bot/bot-text.js'
import { helpFacts } from '../bot/help-facts.js'
import type { SlackMessage } from './format-blocks.js'
import { labels } from './slack-text.js'
import { escapeMrkdwn } from './to-mrkdwn.js'

/** `/churn help`: what the bot can answer, from describe_data — starter questions, metrics, dimensions and the data range. */
export function helpMessage(chat: ChatDeps, lang: Lang, intro: 'help' | 'empty' = 'help'): SlackMessage {
  const l = labels[lang]
  const h = helpFacts(chat, lang, intro, l.helpIntro)
  const facts = [
    h.data,
    `*${l.helpMetrics}:* ${h.metrics.map(escapeMrkdwn).join(', ')}`,
    h.dimensions.length ? `*${l.helpDimensions}:* ${h.dimensions.map(escapeMrkdwn).join(', ')}` : '',
    h.definition ? `_${escapeMrkdwn(h.definition)}_` : '',
  ].filter(Boolean)
  return {
    text: `${h.intro}\n${h.questions.join('\n')}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${h.intro}\n${h.questions.map((s) => `• ${escapeMrkdwn(s)}`).join('\n')}`.slice(0, 3000) } },
      { type: 'context', elements: facts.map((f) => ({ type: 'mrkdwn' as const, text: f.slice(0, 2000) })) },
    ],
  }
}
