import type { AskResult } from '../../chat/ask.js'
import { answerFacts } from '../bot/answer-facts.js'
import { splitText } from '../bot/split-text.js'
import type { Lang } from '../bot/bot-text.js'
import { labels } from './slack-text.js'
import { escapeMrkdwn, tableAsCode, toMrkdwnParts, type TextTable } from './to-mrkdwn.js'

/** Slack's Block Kit limits, and our budget below the ~13k-character msg_blocks_too_long seen in practice. */
export const LIMITS = { blocks: 50, sectionChars: 3000, totalChars: 11_000, tableRows: 100, tableCells: 20, tableBlockChars: 6000, fallbackChars: 3000 } as const

type TextObject = { type: 'mrkdwn'; text: string }
type Cell = { type: 'raw_text'; text: string }
/** The blocks this adapter posts (a subset of Block Kit). */
export type SlackBlock =
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'table'; rows: Cell[][]; column_settings?: Array<{ align: 'left' | 'right' }> }

/** A message ready for chat.postMessage: blocks plus the plain `text` fallback notifications and old clients show. */
export type SlackMessage = { text: string; blocks: SlackBlock[] }

/** Options: where the web answer page lives and the language of the fixed labels. */
export type FormatOptions = { answerUrl: string; lang: Lang }

/**
 * Formats an answer for Slack: mrkdwn sections (≤3,000 chars each), the first Markdown table as a
 * `table` block (Slack allows one per message) and any others as code blocks, a context block with
 * the period, definition and a "How was this computed?" link — within 50 blocks and a total budget.
 */
export function formatAnswer(result: Pick<AskResult, 'answer' | 'toolCalls'>, opts: FormatOptions): SlackMessage {
  const l = labels[opts.lang]
  const link = `<${opts.answerUrl}|${l.howComputed}>`
  const context: SlackBlock = { type: 'context', elements: contextTexts(result.toolCalls, opts.lang, link) }
  let table: SlackBlock | null = null
  const pieces: string[] = []
  for (const part of toMrkdwnParts(result.answer || '—')) {
    const block: SlackBlock | null = part.kind === 'table' && !table && fitsTableBlock(part.table) ? tableBlock(part.table) : null
    // A big table block would eat the whole message budget; as a code block it can be split and shortened.
    if (block && JSON.stringify(block).length <= LIMITS.tableBlockChars) table = block
    else pieces.push(part.kind === 'text' ? part.text : tableAsCode(part.table))
  }
  const reserved = 1 + (table ? 1 : 0) + 1 // context, table, possible "shortened" note
  let budget = LIMITS.totalChars - JSON.stringify(context).length - (table ? JSON.stringify(table).length : 0)
  const sections: SlackBlock[] = []
  let truncated = false
  for (const chunk of pieces.flatMap((p) => chunkMrkdwn(p, LIMITS.sectionChars))) {
    if (sections.length >= LIMITS.blocks - reserved || chunk.length > budget) {
      truncated = true
      break
    }
    sections.push(section(chunk))
    budget -= chunk.length + 40
  }
  if (truncated) sections.push(section(`_${l.truncated}_ ${link}`))
  const blocks = [...sections, ...(table ? [table] : []), context]
  return { text: fallbackText(pieces, table ? tableAsCode(tableOf(table)) : '', link), blocks }
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } }
}

// The period(s) and definition(s) the numbers were computed for, deduplicated across tool calls.
function contextTexts(calls: AskResult['toolCalls'], lang: Lang, link: string): TextObject[] {
  const l = labels[lang]
  const { periods, definitions } = answerFacts(calls)
  const out: TextObject[] = []
  if (periods.length) out.push({ type: 'mrkdwn', text: clip(`*${l.period}:* ${escapeMrkdwn(periods.join('; '))}`, 2000) })
  if (definitions.length) out.push({ type: 'mrkdwn', text: clip(`*${l.definition}:* ${escapeMrkdwn(definitions.join(' '))}`, 2000) })
  out.push({ type: 'mrkdwn', text: link })
  return out
}

function fitsTableBlock(t: TextTable): boolean {
  const cols = Math.max(t.header.length, ...t.rows.map((r) => r.length))
  return cols <= LIMITS.tableCells && t.rows.length + 1 <= LIMITS.tableRows
}

function tableBlock(t: TextTable): SlackBlock {
  const cols = Math.max(t.header.length, ...t.rows.map((r) => r.length))
  const row = (r: string[]) => Array.from({ length: cols }, (_, k): Cell => ({ type: 'raw_text', text: r[k] || '–' }))
  const numeric = Array.from({ length: cols }, (_, k) => t.rows.length > 0 && t.rows.every((r) => /^[-+]?[$¥€£]?[\d,.]+\s*(%|pp|[A-Za-z]{0,3})?$|^–?$/.test(r[k] ?? '')))
  return { type: 'table', rows: [row(t.header), ...t.rows.map(row)], column_settings: numeric.map((n) => ({ align: n ? 'right' : 'left' })) }
}

function tableOf(b: SlackBlock): TextTable {
  const rows = b.type === 'table' ? b.rows.map((r) => r.map((c) => c.text)) : []
  return { header: rows[0] ?? [], rows: rows.slice(1) }
}

/** Splits mrkdwn at line boundaries into chunks of at most `max` chars, closing and reopening code fences. */
export function chunkMrkdwn(text: string, max: number): string[] {
  return splitText(text, max)
}

function fallbackText(pieces: string[], table: string, link: string): string {
  const body = [...pieces, table].filter(Boolean).join('\n\n')
  return `${clip(body, LIMITS.fallbackChars)}\n${link}`
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}
