import { frameAncestors } from '../../auth/origins.js'

/**
 * Headers for the chat page and the iframe page. Scripts only from our origin; inline styles are
 * allowed because mermaid puts a <style> element inside every SVG it renders.
 * `/` may not be framed at all; `/embed` only by the allow-listed portals (and, unlike `/`,
 * carries no X-Frame-Options, whose SAMEORIGIN default would block every portal).
 */
export function pageHeaders(framing: { embedders: readonly string[] } | 'deny'): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    framing === 'deny' ? "frame-ancestors 'none'" : frameAncestors(framing.embedders),
  ].join('; ')
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...(framing === 'deny' ? { 'X-Frame-Options': 'DENY' } : {}),
  }
}
