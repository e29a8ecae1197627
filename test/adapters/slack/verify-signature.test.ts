import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { slackSignature, verifySlackSignature } from '../../../src/adapters/slack/verify-signature.js'

// The worked example in Slack's "Verifying requests from Slack" documentation.
const DOC = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  ts: '1531420618',
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  sig: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
}
const at = Number(DOC.ts)

describe('verifySlackSignature', () => {
  it("reproduces Slack's documented example and accepts it within 5 minutes", () => {
    expect(slackSignature(DOC.secret, DOC.ts, DOC.body)).toBe(DOC.sig)
    expect(verifySlackSignature(DOC.secret, { timestamp: DOC.ts, signature: DOC.sig, rawBody: DOC.body }, at + 300)).toEqual({ ok: true })
  })

  it('matches an independent HMAC over v0:ts:body (the raw bytes, including non-ASCII)', () => {
    const body = '{"event":{"text":"流失率？ & <b>"}}'
    const sig = `v0=${createHmac('sha256', 's3cret').update(`v0:${DOC.ts}:${body}`, 'utf8').digest('hex')}`
    expect(verifySlackSignature('s3cret', { timestamp: DOC.ts, signature: sig, rawBody: body }, at)).toEqual({ ok: true })
    expect(verifySlackSignature('s3cret', { timestamp: DOC.ts, signature: sig, rawBody: JSON.stringify(JSON.parse(body)) + ' ' }, at)).toEqual({ ok: false, reason: 'bad_signature' })
  })

  it('rejects old and future timestamps, missing headers, malformed and wrong signatures', () => {
    const req = { timestamp: DOC.ts, signature: DOC.sig, rawBody: DOC.body }
    expect(verifySlackSignature(DOC.secret, req, at + 301)).toEqual({ ok: false, reason: 'stale_timestamp' })
    expect(verifySlackSignature(DOC.secret, req, at - 301)).toEqual({ ok: false, reason: 'stale_timestamp' })
    expect(verifySlackSignature(DOC.secret, { ...req, signature: undefined }, at)).toEqual({ ok: false, reason: 'missing_headers' })
    expect(verifySlackSignature(DOC.secret, { ...req, timestamp: '1e9' }, at)).toEqual({ ok: false, reason: 'bad_timestamp' })
    expect(verifySlackSignature(DOC.secret, { ...req, signature: 'v0=lolno' }, at)).toEqual({ ok: false, reason: 'bad_signature' })
    expect(verifySlackSignature('another-secret', req, at)).toEqual({ ok: false, reason: 'bad_signature' })
    expect(verifySlackSignature(DOC.secret, { ...req, signature: DOC.sig.toUpperCase() }, at)).toEqual({ ok: false, reason: 'bad_signature' })
  })
})
