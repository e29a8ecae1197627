import type { BotAnswer } from '../bot/bot-question.js'
import { botLabels } from '../bot/bot-text.js'
import { splitMarkdownTables, tableAsLines } from '../bot/markdown-tables.js'
import { splitText, utf8Bytes } from '../bot/split-text.js'
import type { WecomMessage } from './wecom-client.js'

/** WeCom's Markdown message content is at most 2,048 bytes of UTF-8 (a Chinese character is 3). */
export const WECOM_MAX_BYTES = 2048

/**
 * An answer as WeCom Markdown messages (its subset: bold, links, quotes; tables as lines), split
 * under 2,048 bytes and numbered; the last carries the period/definition and the provenance link.
 */
export function answerMessages(a: BotAnswer): WecomMessage[] {
  const l = botLabels[a.lang]
  const text = splitMarkdownTables(a.result.answer || '—').map((p) => (p.kind === 'text' ? p.text : tableAsLines(p.table))).join('\n\n')
  const footer = [
    a.facts.periods.length ? `> **${l.period}:** ${a.facts.periods.join('; ')}` : '',
    a.facts.definitions.length ? `> **${l.definition}:** ${a.facts.definitions.join(' ')}` : '',
    `[${l.howComputed}](${a.answerUrl})`,
  ].filter(Boolean).join('\n')
  const room = WECOM_MAX_BYTES - 40
  const chunks = splitText(text, room, utf8Bytes)
  // The footer goes with the last chunk when it fits, else in a message of its own.
  const last = chunks.pop() ?? ''
  const tail = utf8Bytes(`${last}\n\n${footer}`) <= room ? [`${last}\n\n${footer}`] : [last, footer]
  const all = [...chunks, ...tail]
  return all.map((c, i) => ({ msgtype: 'markdown', markdown: { content: all.length > 1 ? `${c}\n${l.continued(i + 1, all.length)}` : c } }))
}

/** A note or help text as one Markdown message, clipped to the byte limit. */
export function markdownMessage(text: string): WecomMessage {
  return { msgtype: 'markdown', markdown: { content: splitText(text, WECOM_MAX_BYTES - 8, utf8Bytes)[0] ?? '' } }
}
