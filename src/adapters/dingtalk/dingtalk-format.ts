import type { BotAnswer } from '../bot/bot-question.js'
import { botLabels } from '../bot/bot-text.js'
import { splitMarkdownTables, tableAsLines } from '../bot/markdown-tables.js'
import { splitText } from '../bot/split-text.js'
import type { DingTalkMessageBody } from './dingtalk-client.js'

/** DingTalk's Markdown message holds about 5,000 characters; we budget below it for the title and footer. */
export const DINGTALK_MAX_CHARS = 3500

/**
 * An answer as DingTalk messages: Markdown (tables as lines: DingTalk's Markdown has neither tables nor code blocks),
 * split under the limit and numbered; the last is an ActionCard whose button opens "how was this computed?".
 */
export function answerMessages(a: BotAnswer): DingTalkMessageBody[] {
  const l = botLabels[a.lang]
  const title = titleOf(a.result.answer)
  const text = splitMarkdownTables(a.result.answer || '—').map((p) => (p.kind === 'text' ? p.text : tableAsLines(p.table))).join('\n\n')
  const facts = [
    a.facts.periods.length ? `**${l.period}:** ${a.facts.periods.join('; ')}` : '',
    a.facts.definitions.length ? `**${l.definition}:** ${a.facts.definitions.join(' ')}` : '',
  ].filter(Boolean).join('\n\n')
  const chunks = splitText(text, DINGTALK_MAX_CHARS)
  return chunks.map((chunk, i) => {
    const numbered = chunks.length > 1 ? `${chunk}\n\n${l.continued(i + 1, chunks.length)}` : chunk
    if (i < chunks.length - 1) return { msgtype: 'markdown', markdown: { title, text: numbered } }
    return { msgtype: 'actionCard', actionCard: { title, text: facts ? `${numbered}\n\n---\n\n${facts}` : numbered, singleTitle: l.howComputed, singleURL: a.answerUrl } }
  })
}

/** A chart image (uploaded media id) in a Markdown message. */
export function chartMessage(mediaId: string, title: string): DingTalkMessageBody {
  return { msgtype: 'markdown', markdown: { title: title.slice(0, 50), text: `#### ${title}\n\n![${title.replace(/[[\]]/g, '')}](${mediaId})` } }
}

/** A plain Markdown message (notes and help), clipped to the limit. */
export function markdownMessage(text: string): DingTalkMessageBody {
  return { msgtype: 'markdown', markdown: { title: titleOf(text), text: text.slice(0, DINGTALK_MAX_CHARS) } }
}

// The title is what the chat list and notifications show: the answer's first line, without Markdown.
function titleOf(text: string): string {
  const first = text.split('\n').find((l) => l.trim()) ?? 'churn-insight'
  return first.replace(/[#*_`>|[\]]/g, '').trim().slice(0, 50) || 'churn-insight'
}
