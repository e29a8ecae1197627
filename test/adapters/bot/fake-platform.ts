import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request a fake platform received: path, query, headers, raw bytes, and its JSON body or multipart fields. */
export type PlatformCall = {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  bytes: Buffer
  json?: any
  /** Multipart fields: strings, or the uploaded file's bytes with its name and type. */
  form?: Record<string, string | { bytes: Buffer; filename: string; type: string }>
  at: number
}

/** Answers one request like the platform would: a JSON body (status 200 unless given). */
export type Script = (call: PlatformCall, url: string) => { status?: number; body: unknown } | undefined

/**
 * A fake platform API on 127.0.0.1 (random port) that records every request and answers as the
 * script says, from the platform's documented responses; unknown paths get 404.
 */
export async function startFakePlatform(name: string, script: Script) {
  const calls: PlatformCall[] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const bytes = Buffer.concat(chunks)
    const u = new URL(req.url ?? '/', 'http://127.0.0.1')
    const type = String(req.headers['content-type'] ?? '')
    const call: PlatformCall = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers, bytes, at: Date.now() }
    if (type.includes('application/json') && bytes.length) call.json = JSON.parse(bytes.toString('utf8'))
    if (type.includes('multipart/form-data')) call.form = await multipart(bytes, type)
    calls.push(call)
    const reply = script(call, url)
    res.writeHead(reply?.status ?? (reply ? 200 : 404), { 'content-type': 'application/json' })
    res.end(JSON.stringify(reply?.body ?? { error: `fake ${name}: no script for ${call.path}` }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    calls,
    /** Calls whose path matches, in order. */
    to: (path: string | RegExp) => calls.filter((c) => (typeof path === 'string' ? c.path === path : path.test(c.path))),
    /** Resolves when `pred` holds (polling), or fails listing what was recorded. */
    async waitFor(pred: () => boolean, timeoutMs = 20_000): Promise<void> {
      const start = Date.now()
      while (!pred()) {
        if (Date.now() - start > timeoutMs) throw new Error(`fake ${name}: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.path).join(', ')}`)
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The fake's handle type. */
export type FakePlatform = Awaited<ReturnType<typeof startFakePlatform>>

// The WHATWG Request parser reads multipart bodies the way a platform's server would.
async function multipart(bytes: Buffer, type: string): Promise<PlatformCall['form']> {
  const fd = await new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(bytes) }).formData()
  const out: NonNullable<PlatformCall['form']> = {}
  for (const [k, v] of fd.entries()) {
    out[k] = typeof v === 'string' ? v : { bytes: Buffer.from(await v.arrayBuffer()), filename: v.name, type: v.type }
  }
  return out
}
