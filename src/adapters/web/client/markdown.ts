/** Escapes text so it can only ever be text in HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

const tableSep = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/
const bullet = /^\s*[-*+]\s+/
const ordered = /^\s*\d+[.)]\s+/
const fence = /^\s*```/
const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/
const rule = /^\s*([-*_])(\s*\1){2,}\s*$/
const quote = /^\s*>\s?/
const numeric = /^[-+−]?[$€¥£]?\s?[\d,.]+\s?(%|pp|[kKmMbB]|[A-Z]{3})?$/

/**
 * Renders the Markdown subset answers use (paragraphs, headings, lists, tables, quotes, code,
 * bold/italic/strike, http links) to HTML. Every piece of source text is escaped before any tag
 * is added, so model output can never inject markup.
 */
export function renderMarkdown(src: string): string {
  const lines = src.replace(/\u0000/g, '').replace(/\r\n?/g, '\n').split('\n')
  const out: string[] = []
  let i = 0
  const startsBlock = (k: number) => fence.test(lines[k]) || heading.test(lines[k]) || bullet.test(lines[k]) || ordered.test(lines[k]) || quote.test(lines[k]) || rule.test(lines[k]) || isTable(lines, k)
  while (i < lines.length) {
    const line = lines[i]
    if (!line.trim()) { i++; continue }
    if (fence.test(line)) {
      const code: string[] = []
      for (i++; i < lines.length && !fence.test(lines[i]); i++) code.push(lines[i])
      i++
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`)
      continue
    }
    const hm = heading.exec(line)
    if (hm) {
      const level = Math.min(6, hm[1].length + 2)
      out.push(`<h${level}>${inline(hm[2])}</h${level}>`)
      i++
      continue
    }
    if (rule.test(line)) { out.push('<hr>'); i++; continue }
    if (isTable(lines, i)) { i = table(lines, i, out); continue }
    if (bullet.test(line) || ordered.test(line)) { i = list(lines, i, out); continue }
    if (quote.test(line)) {
      const inner: string[] = []
      for (; i < lines.length && quote.test(lines[i]); i++) inner.push(lines[i].replace(quote, ''))
      out.push(`<blockquote>${renderMarkdown(inner.join('\n'))}</blockquote>`)
      continue
    }
    const para: string[] = []
    for (; i < lines.length && lines[i].trim() && (para.length === 0 || !startsBlock(i)); i++) para.push(lines[i].trim())
    out.push(`<p>${para.map(inline).join('<br>')}</p>`)
  }
  return out.join('\n')
}

function isTable(lines: string[], i: number): boolean {
  return lines[i].includes('|') && i + 1 < lines.length && tableSep.test(lines[i + 1]) && lines[i + 1].includes('-')
}

/** Splits a table row on unescaped pipes, without the optional outer pipes. */
export function splitRow(line: string): string[] {
  let s = line.trim()
  if (s.startsWith('|')) s = s.slice(1)
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1)
  return s.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'))
}

function table(lines: string[], i: number, out: string[]): number {
  const head = splitRow(lines[i])
  const align = splitRow(lines[i + 1]).map((c) => (c.endsWith(':') ? (c.startsWith(':') ? 'center' : 'right') : null))
  const rows: string[][] = []
  for (i += 2; i < lines.length && lines[i].includes('|') && lines[i].trim(); i++) rows.push(splitRow(lines[i]))
  const cell = (tag: 'th' | 'td', text: string, k: number) => {
    const a = align[k] ?? (tag === 'td' && numeric.test(text) ? 'right' : null)
    return `<${tag}${a ? ` class="${a}"` : ''}>${inline(text)}</${tag}>`
  }
  const body = rows.map((r) => `<tr>${head.map((_, k) => cell('td', r[k] ?? '', k)).join('')}</tr>`).join('')
  out.push(`<div class="table-wrap"><table><thead><tr>${head.map((c, k) => cell('th', c, k)).join('')}</tr></thead><tbody>${body}</tbody></table></div>`)
  return i
}

function list(lines: string[], i: number, out: string[]): number {
  const isOrdered = ordered.test(lines[i])
  const marker = isOrdered ? ordered : bullet
  const items: string[] = []
  for (; i < lines.length && lines[i].trim(); i++) {
    if (marker.test(lines[i])) items.push(lines[i].replace(marker, ''))
    else if (/^\s+/.test(lines[i]) && items.length && !bullet.test(lines[i]) && !ordered.test(lines[i])) items[items.length - 1] += ' ' + lines[i].trim()
    else break
  }
  const tag = isOrdered ? 'ol' : 'ul'
  out.push(`<${tag}>${items.map((it) => `<li>${inline(it)}</li>`).join('')}</${tag}>`)
  return i
}

/** Inline Markdown on one line: code spans first (their content stays literal), then emphasis and links. */
export function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part, k) => (k % 2 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : emphasis(escapeHtml(part))))
    .join('')
}

function emphasis(s: string): string {
  // Links become placeholders first so emphasis rules never touch a URL.
  const links: string[] = []
  const marked = s.replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, (_, label: string, url: string) => {
    links.push(`<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`)
    return `\u0000${links.length - 1}\u0000`
  })
  return marked
    .replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)(.+?)__/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]+?)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)([^_]+?)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/~~(?=\S)(.+?)~~/g, '<del>$1</del>')
    .replace(/\u0000(\d+)\u0000/g, (_, k: string) => links[Number(k)])
}
