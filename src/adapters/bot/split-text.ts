const FENCE = '```'

/**
 * Splits text at line boundaries into chunks of at most `max` units (characters by default, or UTF-8
 * bytes for platforms that count bytes), closing and reopening code fences across chunks.
 */
export function splitText(text: string, max: number, size: (s: string) => number = (s) => s.length): string[] {
  // Room for a reopened fence, a closing fence and the newlines between them.
  const longest = max - 10
  const lines = text.split('\n').flatMap((l) => (size(l) > longest ? hardSplit(l, longest, size) : [l]))
  const chunks: string[] = []
  let cur: string[] = []
  let used = 0
  let inCode = false
  for (const line of lines) {
    if (cur.length && used + size(line) + 1 + (inCode ? FENCE.length + 1 : 0) > max) {
      chunks.push([...cur, ...(inCode ? [FENCE] : [])].join('\n'))
      cur = inCode ? [FENCE] : []
      used = inCode ? FENCE.length + 1 : 0
    }
    cur.push(line)
    used += size(line) + 1
    if (line.trim() === FENCE) inCode = !inCode
  }
  if (cur.some((l) => l.trim() && l.trim() !== FENCE)) chunks.push(cur.join('\n'))
  return chunks
}

/** UTF-8 byte length: WeCom and DingTalk count bytes, and a Chinese character is three of them. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8')
}

// A line longer than a chunk is cut by code points, so no character is split in half.
function hardSplit(line: string, max: number, size: (s: string) => number): string[] {
  const out: string[] = []
  let cur = ''
  for (const ch of line) {
    if (cur && size(cur + ch) > max) {
      out.push(cur)
      cur = ''
    }
    cur += ch
  }
  if (cur) out.push(cur)
  return out
}
