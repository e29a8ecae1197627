import { afterEach, describe, expect, it, vi } from 'vitest'
import { verifyWidgetToken } from '../../src/auth/widget-token.js'
import { widgetTokenCommand } from '../../src/cli/commands/widget-token.js'

const secret = 'cli-test-secret-0123456789abcdef'

describe('churn-insight widget-token --scope', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
  })

  it('signs the scope claim the server reads back, and refuses a malformed one (exit 2)', async () => {
    vi.stubEnv('WIDGET_SECRET', secret)
    const out = vi.spyOn(console, 'log').mockImplementation(() => {})
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await widgetTokenCommand.run(['--sub', 'ann', '--scope', '{"region":["APAC","EMEA"]}'])).toBe(0)
    const claims = await verifyWidgetToken(String(out.mock.calls[0][0]), { secret, audience: 'churn-insight' })
    expect(claims.scope).toEqual({ region: ['APAC', 'EMEA'] })
    expect(await widgetTokenCommand.run(['--scope', '{"region":"APAC"}'])).toBe(2)
    expect(await widgetTokenCommand.run(['--scope', 'APAC'])).toBe(2)
    expect(err.mock.calls.map((c) => c[0])).toEqual([
      '--scope must be JSON like {"region": ["APAC"]} (dimension id → list of values)',
      '--scope must be JSON like {"region": ["APAC"]} (dimension id → list of values)',
    ])
  })
})
