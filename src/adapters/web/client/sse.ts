/** One chunk of the AI SDK UI message stream (`text-delta`, `data-chart`, `error`, …). */
export type UIChunk = { type: string } & Record<string, unknown>

/** Parses one SSE event block: its `data:` lines as JSON, 'done' for `[DONE]`, null for comments or junk. */
export function parseSseEvent(block: string): UIChunk | 'done' | null {
  const data = block
    .split(/\r?\n/)
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(l.startsWith('data: ') ? 6 : 5))
    .join('\n')
  if (!data) return null
  if (data.trim() === '[DONE]') return 'done'
  try {
    const v = JSON.parse(data) as unknown
    return v && typeof v === 'object' && typeof (v as UIChunk).type === 'string' ? (v as UIChunk) : null
  } catch {
    return null
  }
}

/** Reads a UI message stream response body chunk by chunk, as the bytes arrive (no buffering of the whole answer). */
export async function* readUIChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<UIChunk> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buf = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      buf += done ? decoder.decode() : decoder.decode(value, { stream: true })
      // Events end with a blank line; keep a trailing partial event for the next read.
      const parts = buf.split(/\r?\n\r?\n/)
      buf = done ? '' : parts.pop()!
      for (const block of parts) {
        const ev = parseSseEvent(block)
        if (ev === 'done') return
        if (ev) yield ev
      }
      if (done) return
    }
  } finally {
    // Stops the download when the reader gives up early (user left, error shown).
    reader.cancel().catch(() => {})
  }
}
