import type { Context } from 'hono'
import type { Asset } from './bundle.js'

/** A year: asset URLs carry a content hash or version, so a new build gets a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Sends an in-memory asset, gzipped when the client accepts it. */
export function sendAsset(c: Context, asset: Asset, cacheControl: string): Response {
  const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
  const headers: Record<string, string> = {
    'Content-Type': asset.type,
    'Cache-Control': cacheControl,
    ETag: `"${asset.hash}"`,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  }
  if (c.req.header('if-none-match') === headers.ETag) return new Response(null, { status: 304, headers })
  if (gzip) headers['Content-Encoding'] = 'gzip'
  return new Response((gzip ? asset.gzip : asset.body) as BodyInit, { headers })
}
