/** A Markdown table lifted out of an answer: header cells and body rows, as plain text. */
export type TextTable = { header: string[]; rows: string[][] }

/** An answer split into Markdown text and tables, in reading order. */
export type MarkdownPart = { kind: 'text'; text: string } | { kind: 'table'; table: TextTable }

const TABLE_ROW = /^\s*\|.*\|\s*$/
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/

/** Lifts GitHub-style tables out of Markdown (outside code fences), for platforms that show tables their own way. */
export function splitMarkdownTables(markdown: string): MarkdownPart[] {
  const parts: MarkdownPart[] = []
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
    if (/^\s*```/.test(line)) inCode = !inCode
    if (!inCode && startsTable(line, lines[i + 1])) {
      flush()
      const header = tableCells(line)
      const rows: string[][] = []
      i += 2
      while (i < lines.length && TABLE_ROW.test(lines[i])) rows.push(tableCells(lines[i++]))
      i--
      parts.push({ kind: 'table', table: { header, rows } })
      continue
    }
    text.push(line)
  }
  flush()
  return parts
}

/** True when `line` and the one after it open a Markdown table (a row, then a |---| separator). */
export function startsTable(line: string, next: string | undefined): boolean {
  return TABLE_ROW.test(line) && TABLE_SEPARATOR.test(next ?? '')
}

/** True for a table body row. */
export function isTableRow(line: string): boolean {
  return TABLE_ROW.test(line)
}

/** Table cell text: Markdown emphasis and code markers removed (table cells are plain text). */
export function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|').replace(/\*\*|__|`/g, '').trim())
}

/** Columns padded for a monospace code block (CJK characters take two columns), for platforms without tables. */
export function tableAsCode(t: TextTable, escape: (s: string) => string = (s) => s): string {
  const all = [t.header, ...t.rows]
  const n = Math.max(...all.map((r) => r.length))
  const widths = Array.from({ length: n }, (_, k) => Math.max(...all.map((r) => displayWidth(r[k] ?? ''))))
  const fmt = (r: string[]) => widths.map((w, k) => pad(r[k] ?? '', w)).join('  ').trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return ['```', ...[fmt(t.header), rule, ...t.rows.map(fmt)].map(escape), '```'].join('\n')
}

function displayWidth(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)))
}

/** A table as plain lines ("a | b"), header in bold, for Markdown dialects with neither tables nor code blocks. */
export function tableAsLines(t: TextTable): string {
  return [`**${t.header.join(' | ')}**`, ...t.rows.map((r) => r.join(' | '))].join('\n')
}
