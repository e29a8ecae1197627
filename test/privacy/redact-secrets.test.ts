import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../../src/privacy/redact-secrets.js'
import { createServerLog } from '../../src/audit/server-log.js'

describe('redactSecrets', () => {
  it('removes configured secrets verbatim and key-shaped strings', () => {
    const text = 'Incorrect API key provided: sk-proj-AbC123xyz789QQ. auth=Bearer abcdefghijklmnop; slack xoxb-1234-5678-abcdef; my-own-secret-value; api_key=hunter2hunter2; jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.sig'
    expect(redactSecrets(text, ['my-own-secret-value'])).toBe(
      'Incorrect API key provided: [redacted]. auth=[redacted]; slack [redacted]; [redacted]; api_key=[redacted]; jwt [redacted]',
    )
  })

  it('keeps hosts, ports and ordinary words (those belong in the log, not in answers)', () => {
    expect(redactSecrets('connect ECONNREFUSED 127.0.0.1:8443 (task-queue)')).toBe('connect ECONNREFUSED 127.0.0.1:8443 (task-queue)')
  })
})

describe('the server log', () => {
  it('prefixes the reference, includes the cause chain and redacts it all; silent logs nothing', () => {
    const lines: string[] = []
    const log = createServerLog('error', ['topsecretvalue'], (l) => lines.push(l))
    const e = new Error('outer topsecretvalue', { cause: new Error('inner sk-live-abcdefgh12345') })
    const line = log.error('abc123', 'call failed', e)
    expect(lines).toEqual([line])
    expect(line.split('\n')[0]).toBe('[ref abc123] call failed: Error: outer [redacted] — caused by Error: inner [redacted]')
    const quiet: string[] = []
    createServerLog('silent', [], (l) => quiet.push(l)).error('x', 'y')
    expect(quiet).toEqual([])
  })
})
