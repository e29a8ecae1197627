/** A Markdown table lifted out of an answer: header cells and body rows, as plain text. */
export type TextTable = { header: string[]; rows: string[][] }

/** An answer split into mrkdwn text and tables, in reading order. */
export type MrkdwnPart = { kind: 'text'; text: string } | { kind: 'table'; table: TextTable }

/** Escapes the three characters Slack treats as control characters (and nothing else). */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

const TABLE_ROW = /^\s*\|.*\|\s*$/
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/

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
    if (TABLE_ROW.test(line) && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) {
      const rows: string[][] = []
      let j = i + 2
      for (; j < lines.length && TABLE_ROW.test(lines[j]); j++) rows.push(cells(lines[j]))
      flush()
      parts.push({ kind: 'table', table: { header: cells(line), rows } })
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

/** Table cell text: Markdown emphasis and code markers removed (table cells are plain text). */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|').replace(/\*\*|__|`/g, '').trim())
}

/** Columns padded for a monospace code block; CJK characters take two columns. */
export function tableAsCode(t: TextTable): string {
  const all = [t.header, ...t.rows]
  const n = Math.max(...all.map((r) => r.length))
  const widths = Array.from({ length: n }, (_, k) => Math.max(...all.map((r) => displayWidth(r[k] ?? ''))))
  const fmt = (r: string[]) => widths.map((w, k) => pad(r[k] ?? '', w)).join('  ').trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return ['```', ...[fmt(t.header), rule, ...t.rows.map(fmt)].map(escapeMrkdwn), '```'].join('\n')
}

function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)))
}
