import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake Slack received: Web API method (or "upload"), its decoded fields, raw bytes and headers. */
export type SlackCall = { method: string; args: Record<string, unknown>; bytes: Buffer; headers: IncomingMessage['headers']; at: number }

/**
 * A fake Slack Web API on 127.0.0.1 (random port) that records chat.postMessage, files.getUploadURLExternal,
 * the upload POST, files.completeUploadExternal and response_url posts, and answers like Slack does.
 */
export async function startFakeSlack() {
  const calls: SlackCall[] = []
  const notInChannel = new Set<string>()
  let ts = 1_700_000_000
  let fileNo = 0
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const bytes = Buffer.concat(chunks)
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const method = path.startsWith('/api/') ? path.slice(5) : path.startsWith('/upload/') ? 'upload' : path.startsWith('/respond/') ? 'response_url' : path
    const args = method === 'upload' ? {} : decode(bytes.toString('utf8'), req.headers['content-type'] ?? '')
    calls.push({ method, args, bytes, headers: req.headers, at: Date.now() })
    const reply = (body: unknown) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)) }
    if (method === 'chat.postMessage') {
      if (notInChannel.has(String(args.channel))) return reply({ ok: false, error: 'not_in_channel' })
      return reply({ ok: true, channel: args.channel, ts: `${++ts}.000100` })
    }
    if (method === 'files.getUploadURLExternal') {
      const id = `F${++fileNo}`
      return reply({ ok: true, file_id: id, upload_url: `${url}/upload/${id}` })
    }
    if (method === 'upload') { res.writeHead(200); return res.end('OK - ' + bytes.length) }
    if (method === 'files.completeUploadExternal') return reply({ ok: true, files: (args.files as Array<{ id: string; title: string }>) ?? [] })
    if (method === 'response_url') return reply({ ok: true })
    reply({ ok: false, error: 'unknown_method' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    /** Calls to one method, in order. */
    of: (method: string) => calls.filter((c) => c.method === method),
    /** Makes chat.postMessage fail with not_in_channel for this channel. */
    refuseChannel: (channel: string) => notInChannel.add(channel),
    /** Resolves when `pred` holds (polling), or fails with what was recorded. */
    async waitFor(pred: () => boolean, timeoutMs = 15_000): Promise<void> {
      const start = Date.now()
      while (!pred()) {
        if (Date.now() - start > timeoutMs) throw new Error(`fake Slack: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`)
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The fake's handle type. */
export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>

// The SDK sends form fields with objects JSON-encoded (blocks, files); response_url posts are JSON.
function decode(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(body || '{}')
  const out: Record<string, unknown> = {}
  for (const [k, v] of new URLSearchParams(body)) out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v
  return out
}
