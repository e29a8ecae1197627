import { isTableRow, startsTable, tableAsCode as sharedTableAsCode, tableCells, type TextTable } from '../bot/markdown-tables.js'

export type { TextTable }

/** An answer split into mrkdwn text and tables, in reading order. */
export type MrkdwnPart = { kind: 'text'; text: string } | { kind: 'table'; table: TextTable }

/** Escapes the three characters Slack treats as control characters (and nothing else). */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Converts a model's Markdown answer to Slack mrkdwn: **bold** → *bold*, *italic* → _italic_,
 * [text](url) → <url|text>, headings → bold lines, bullets → •, code fences without a language.
 * Markdown tables are returned separately because mrkdwn has no table syntax.
 */
export function toMrkdwnParts(markdown: string): MrkdwnPart[] {
  const parts: MrkdwnPart[] = []
  let text: string[] = []
  const flush = () => {
    const t = text.join('\n').replace(/\n{3,}/g, '\n\n').trim()
    if (t) parts.push({ kind: 'text', text: t })
    text = []
  }
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  let inCode = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (/^\s*```/.test(line)) {
      inCode = !inCode
      text.push('```')
      continue
    }
    if (inCode) {
      text.push(escapeMrkdwn(line))
      continue
    }
    if (startsTable(line, lines[i + 1])) {
      const rows: string[][] = []
      let j = i + 2
      for (; j < lines.length && isTableRow(lines[j]); j++) rows.push(tableCells(lines[j]))
      flush()
      parts.push({ kind: 'table', table: { header: tableCells(line), rows } })
      i = j - 1
      continue
    }
    text.push(convertLine(line))
  }
  // An unclosed fence would swallow everything after it in Slack.
  if (inCode) text.push('```')
  flush()
  return parts
}

function convertLine(line: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
  if (heading) return `*${inline(heading[1]).replace(/\*/g, '')}*`
  const quote = /^\s*>\s?(.*)$/.exec(line)
  if (quote) return `>${inline(quote[1])}`
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line)
  if (bullet) return `${bullet[1]}• ${inline(bullet[2])}`
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return ''
  return inline(line)
}

/** Inline Markdown → mrkdwn, leaving `code spans` untouched apart from escaping. */
function inline(s: string): string {
  return s
    .split(/(`[^`\n]+`)/)
    .map((seg, i) => (i % 2 === 1 ? escapeMrkdwn(seg) : inlineText(escapeMrkdwn(seg))))
    .join('')
}

function inlineText(s: string): string {
  const BOLD = '\u0001'
  return s
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => `<${url}|${label.replace(/\|/g, '/')}>`)
    .replace(/\*\*(?=\S)([^*\n]+?)\*\*|__(?=\S)([^_\n]+?)__/g, (_m, a?: string, b?: string) => `${BOLD}${a ?? b}${BOLD}`)
    .replace(/(^|[^*\w])\*(?=\S)([^*\n]+?)\*(?!\w)/g, '$1_$2_')
    .replace(/~~(?=\S)([^~\n]+?)~~/g, '~$1~')
    .replaceAll(BOLD, '*')
}

/** Columns padded for a monospace mrkdwn code block. */
export function tableAsCode(t: TextTable): string {
  return sharedTableAsCode(t, escapeMrkdwn)
}
