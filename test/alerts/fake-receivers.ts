import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One JSON request a fake received. */
export type Received = { path: string; headers: IncomingHttpHeaders; body: any }

/**
 * A fake Slack Web API (chat.postMessage answers like Slack: {ok, channel, ts}; an unknown token gets
 * {ok:false, error:"invalid_auth"}) and a generic webhook receiver, both on 127.0.0.1.
 */
export async function startReceiver(kind: 'slack' | 'webhook', token = 'xoxb-test') {
  const got: Received[] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
    got.push({ path: req.url ?? '/', headers: req.headers, body })
    res.writeHead(200, { 'content-type': 'application/json' })
    if (kind === 'webhook') return res.end('{}')
    if (req.url !== '/api/chat.postMessage') return res.end(JSON.stringify({ ok: false, error: 'unknown_method' }))
    if (req.headers.authorization !== `Bearer ${token}`) return res.end(JSON.stringify({ ok: false, error: 'invalid_auth' }))
    res.end(JSON.stringify({ ok: true, channel: body.channel, ts: '1700000000.000100' }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    got,
    async waitFor(pred: () => boolean, timeoutMs = 60_000) {
      const start = Date.now()
      while (!pred()) {
        if (Date.now() - start > timeoutMs) throw new Error(`fake ${kind}: condition not met; got ${got.length} requests`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/** A clock tests move by hand: timers fire when advance() passes their due time. */
export function fakeClock(start: string) {
  let now = new Date(start).getTime()
  let timers: Array<{ at: number; fn: () => void; id: number }> = []
  let ids = 0
  return {
    now: () => new Date(now),
    setTimeout: (fn: () => void, ms: number) => {
      const id = ++ids
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimeout: (h: unknown) => {
      timers = timers.filter((t) => t.id !== h)
    },
    advance(ms: number) {
      now += ms
      const due = timers.filter((t) => t.at <= now)
      timers = timers.filter((t) => t.at > now)
      for (const t of due) t.fn()
    },
    pending: () => timers.length,
  }
}
