import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'
import { AppError } from '../../errors.js'
import { IMMUTABLE, sendAsset } from './asset-response.js'
import { toAsset, type Asset } from './bundle.js'

const require = createRequire(import.meta.url)
const mermaidDir = join(dirname(require.resolve('mermaid/package.json')), 'dist')
const mermaidVersion = (require('mermaid/package.json') as { version: string }).version

/** URL of mermaid's browser ESM build; the version in the path lets it be cached for a year. */
export const mermaidUrl = `/vendor/mermaid-${mermaidVersion}/mermaid.esm.min.mjs`

// Only mermaid's own ESM files: the entry and its lazily imported chunks, nothing else from disk.
const allowed = /^(mermaid\.esm\.min\.mjs|chunks\/mermaid\.esm\.min\/[A-Za-z0-9_-]+\.mjs)$/
const cache = new Map<string, Promise<Asset>>()

/** GET /vendor/mermaid-<version>/… : mermaid's browser build straight from node_modules (the ESM build loads only the diagram types used). */
export function vendorRoutes() {
  const app = new Hono()
  app.get(`/vendor/mermaid-${mermaidVersion}/*`, async (c) => {
    const rel = c.req.path.slice(`/vendor/mermaid-${mermaidVersion}/`.length)
    if (!allowed.test(rel)) throw new AppError('not_found', `No vendored file ${c.req.path}`)
    let p = cache.get(rel)
    if (!p) {
      p = readFile(join(mermaidDir, rel)).then((b) => toAsset(b, 'text/javascript; charset=utf-8'))
      cache.set(rel, p)
      p.catch(() => cache.delete(rel))
    }
    const asset = await p.catch(() => null)
    if (!asset) throw new AppError('not_found', `No vendored file ${c.req.path}`)
    return sendAsset(c, asset, IMMUTABLE)
  })
  return app
}
