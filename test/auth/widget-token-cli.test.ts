import { afterEach, describe, expect, it, vi } from 'vitest'
import { startupTokenLine, withServerSecret } from '../../src/auth/server-secret.js'
import { verifyWidgetToken } from '../../src/auth/widget-token.js'
import { widgetTokenCommand } from '../../src/cli/commands/widget-token.js'
import { loadConfig } from '../../src/config.js'

const secret = 'cli-test-secret-0123456789abcdef'

describe('churn-insight widget-token', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
  })

  it('prints a token the server accepts, for --sub and --minutes', async () => {
    vi.stubEnv('WIDGET_SECRET', secret)
    const out = vi.spyOn(console, 'log').mockImplementation(() => {})
    expect(await widgetTokenCommand.run(['--sub', 'alice@acme.test', '--minutes', '5'])).toBe(0)
    const claims = await verifyWidgetToken(String(out.mock.calls[0][0]), { secret, audience: 'churn-insight' })
    expect(claims.sub).toBe('alice@acme.test')
    expect(claims.exp - claims.iat!).toBe(300)
  })

  it('explains a missing WIDGET_SECRET and a lifetime over 15 minutes (exit 2)', async () => {
    vi.stubEnv('WIDGET_SECRET', undefined as unknown as string)
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await widgetTokenCommand.run([])).toBe(2)
    expect(err.mock.calls[0][0]).toMatch(/WIDGET_SECRET is not set/)
    vi.stubEnv('WIDGET_SECRET', secret)
    expect(await widgetTokenCommand.run(['--minutes', '60'])).toBe(2)
    expect(err.mock.calls[1][0]).toBe('--minutes must be between 1 and 15, got 60')
  })
})

describe('server secret and the start-up token', () => {
  it('keeps WIDGET_SECRET, or makes up a random one per run', () => {
    const set = withServerSecret(loadConfig({ WIDGET_SECRET: secret }))
    expect(set).toMatchObject({ generated: false, config: { widget: { secret } } })
    const a = withServerSecret(loadConfig({}))
    const b = withServerSecret(loadConfig({}))
    expect(a.generated).toBe(true)
    expect(a.config.widget.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(a.config.widget.secret).not.toBe(b.config.widget.secret)
  })

  it('prints token=<jwt> last on the line, valid against the server secret', async () => {
    const { config } = withServerSecret(loadConfig({}))
    const line = await startupTokenLine(config)
    const token = /token=(\S+)$/.exec(line)![1]
    expect((await verifyWidgetToken(token, { secret: config.widget.secret!, audience: 'churn-insight' })).sub).toBe('cli')
  })
})
