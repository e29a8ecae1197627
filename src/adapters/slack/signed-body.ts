import type { Context } from 'hono'
import { verifySlackSignature } from './verify-signature.js'

/** Reads the raw body and verifies Slack's signature on it; null (→ 401, nothing runs) when it does not verify. */
export async function readSignedBody(c: Context, signingSecret: string, log: (msg: string) => void): Promise<string | null> {
  // The signature covers the exact bytes Slack sent, so verify before any parsing.
  const rawBody = await c.req.text()
  const result = verifySlackSignature(signingSecret, {
    timestamp: c.req.header('x-slack-request-timestamp'),
    signature: c.req.header('x-slack-signature'),
    rawBody,
  })
  if (result.ok) return rawBody
  log(`slack: rejected ${c.req.path} (${result.reason})`)
  return null
}

/** The 401 body for an unverified request: deliberately says nothing about which check failed. */
export const unauthorizedBody = { error: { code: 'unauthorized', message: 'Slack request signature could not be verified' } } as const
