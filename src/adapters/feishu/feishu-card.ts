import type { BotAnswer } from '../bot/bot-question.js'
import { botLabels } from '../bot/bot-text.js'
import { splitMarkdownTables, tableAsCode, type TextTable } from '../bot/markdown-tables.js'
import { splitText, utf8Bytes } from '../bot/split-text.js'

/** Feishu's limits: a card request is at most 30 KB; we stay under it with room for the envelope. */
export const FEISHU_LIMITS = { cardBytes: 28_000, markdownChars: 4000, tableRows: 50, tableColumns: 10 } as const

/** A JSON 2.0 card element (the subset this bot sends). */
export type CardElement = Record<string, unknown> & { tag: string }
/** A JSON 2.0 card. */
export type FeishuCard = { schema: '2.0'; config?: Record<string, unknown>; body: { elements: CardElement[] } }

/** Wraps elements in a JSON 2.0 card. */
export function card(elements: CardElement[]): FeishuCard {
  return { schema: '2.0', config: { update_multi: true }, body: { elements } }
}

/**
 * An answer as JSON 2.0 cards: the text as markdown, the first table as a native table, the
 * period/definition line and a "how was this computed?" link. More than one card when the answer
 * exceeds Feishu's 30 KB card limit; each is numbered and the last carries the provenance.
 */
export function answerCards(a: BotAnswer): FeishuCard[] {
  const l = botLabels[a.lang]
  const body: CardElement[] = []
  let tableUsed = false
  for (const part of splitMarkdownTables(a.result.answer || '—')) {
    if (part.kind === 'table' && !tableUsed && fitsTable(part.table)) {
      body.push(tableElement(part.table))
      tableUsed = true
      continue
    }
    const text = part.kind === 'text' ? part.text : tableAsCode(part.table)
    for (const chunk of splitText(text, FEISHU_LIMITS.markdownChars)) body.push({ tag: 'markdown', content: chunk })
  }
  const facts = [
    a.facts.periods.length ? `**${l.period}:** ${a.facts.periods.join('; ')}` : '',
    a.facts.definitions.length ? `**${l.definition}:** ${a.facts.definitions.join(' ')}` : '',
  ].filter(Boolean)
  const footer: CardElement[] = [
    { tag: 'hr' },
    ...(facts.length ? [{ tag: 'markdown', content: facts.join('\n'), text_size: 'notation' }] : []),
    { tag: 'markdown', content: `[${l.howComputed}](${a.answerUrl})`, text_size: 'notation' },
  ]
  // Pack elements into cards under the byte budget, the footer going with the last card.
  const budget = FEISHU_LIMITS.cardBytes - utf8Bytes(JSON.stringify(footer)) - 200
  const groups: CardElement[][] = [[]]
  for (const el of body) {
    const cur = groups.at(-1)!
    if (cur.length && utf8Bytes(JSON.stringify([...cur, el])) > budget) groups.push([el])
    else cur.push(el)
  }
  return groups.map((els, i) => {
    const numbered = groups.length > 1 ? [{ tag: 'markdown', content: l.continued(i + 1, groups.length), text_size: 'notation' }, ...els] : els
    return card(i === groups.length - 1 ? [...numbered, ...footer] : numbered)
  })
}

/** A chart as its own card: the uploaded image, with the chart's values as alt text. */
export function chartCard(imageKey: string, title: string, altText: string): FeishuCard {
  return card([{ tag: 'img', img_key: imageKey, alt: { tag: 'plain_text', content: altText.slice(0, 500) }, title: { tag: 'plain_text', content: title.slice(0, 100) }, scale_type: 'fit_horizontal' }])
}

/** A markdown-only card (notes and help). */
export function markdownCard(content: string): FeishuCard {
  return card(splitText(content, FEISHU_LIMITS.markdownChars).map((c) => ({ tag: 'markdown', content: c })))
}

function fitsTable(t: TextTable): boolean {
  return t.header.length <= FEISHU_LIMITS.tableColumns && t.rows.length <= FEISHU_LIMITS.tableRows
}

function tableElement(t: TextTable): CardElement {
  const columns = t.header.map((h, k) => ({ name: `c${k}`, display_name: h || ' ', data_type: 'text', width: 'auto' }))
  const rows = t.rows.map((r) => Object.fromEntries(t.header.map((_, k) => [`c${k}`, r[k] ?? ''])))
  return { tag: 'table', page_size: Math.min(10, Math.max(1, rows.length)), row_height: 'low', header_style: { bold: true, background_style: 'grey' }, columns, rows }
}
