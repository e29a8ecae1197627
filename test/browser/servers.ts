import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'

/** A listening server and how to stop it. */
export type Running = { origin: string; close(): Promise<void> }

function closer(server: Server): () => Promise<void> {
  return () => new Promise((resolve) => {
    server.closeAllConnections?.()
    server.close(() => resolve())
  })
}

/** Serves a fetch handler (the Hono app) on 127.0.0.1 at a random port. */
export function serveApp(fetch: (req: Request) => Response | Promise<Response>): Promise<Running> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({ origin: `http://127.0.0.1:${info.port}`, close: closer(server as Server) })
    }) as Server
  })
}

/** A stand-in for a company portal on its own origin: serves HTML pages and a token endpoint. */
export function servePortal(routes: Record<string, () => { type: string; body: string } | Promise<{ type: string; body: string }>>): Promise<Running> {
  const server = createServer(async (req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname]
    if (!route) {
      res.writeHead(404).end('not found')
      return
    }
    const { type, body } = await route()
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body)
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: closer(server) }))
  })
}

/** The portal page with the widget snippet, exactly as the README documents it. */
export function portalPage(appOrigin: string, dataAttrs: Record<string, string>): string {
  const attrs = Object.entries(dataAttrs).map(([k, v]) => ` data-${k}="${v}"`).join('')
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme portal</title>
<style>body{font-family:serif;background:#fafaf0} button{background:red!important}</style></head>
<body><h1>Acme intranet</h1><p>Quarterly numbers live here.</p>
<script src="${appOrigin}/widget.js"${attrs}></script>
</body></html>`
}
