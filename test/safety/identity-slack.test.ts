import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slackRoutes } from '../../src/adapters/slack/slack-routes.js'
import { createServerLog } from '../../src/audit/server-log.js'
import { readAudit } from '../../src/audit/audit-log.js'
import { tinyCompany } from '../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../helpers/test-app.js'
import { startFakeSlack, type FakeSlack } from '../adapters/slack/fake-slack.js'
import { mentionEvent, signed } from '../adapters/slack/slack-request.js'
import { slackEnv, stubRenderer } from '../adapters/slack/slack-test-app.js'
import { SECRET } from './identity-helpers.js'

// Issue 12 findings 2, 4 and "data scope" on the Slack surface: no provider text in the channel,
// Slack users carry their configured scope, and the posted answer link is signed.

const KEY = 'sk-live-SlackLeak0123456789'
let fake: FakeSlack
beforeAll(async () => { fake = await startFakeSlack() })
afterAll(async () => { await fake.close() })
const postedIn = (channel: string) => fake.of('chat.postMessage').filter((c) => c.args.channel === channel)

async function slackApp(model: ReturnType<typeof scriptedModel> | undefined, env: Record<string, string> = {}) {
  const { deps } = await testApp(await tinyCompany(), model, { ...slackEnv(fake), WIDGET_SECRET: SECRET, ...env })
  const logged: string[] = []
  deps.chat.log = createServerLog('error', [KEY], (l) => logged.push(l))
  return { app: slackRoutes(deps, { renderer: stubRenderer() }), deps, logged }
}

describe('Slack', () => {
  it('a failing model and a failing fallback post a short apology with a reference, never the provider text', async () => {
    const failing = scriptedModel([{ text: 'unused' }])
    failing.doGenerate = async () => { throw new Error(`Incorrect API key provided: ${KEY} (gateway 10.1.2.3:8443)`) }
    const { app, deps, logged } = await slackApp(failing)
    deps.chat.fallbackModel = failing
    await app.request('/slack/events', signed(JSON.stringify(mentionEvent('what was churn last quarter?', { channel: 'C-LEAK' }))))
    await fake.waitFor(() => postedIn('C-LEAK').length === 1)
    const text = String(postedIn('C-LEAK')[0].args.text)
    const ref = /reference ([0-9a-f]{10})\.$/.exec(text)?.[1]
    expect(text).toBe(`Sorry, I could not answer that: The answer failed on the server. Please try again; if it keeps failing, give an administrator the reference ${ref}.`)
    expect(logged.some((l) => l.startsWith(`[ref ${ref}]`) && l.includes('Incorrect API key provided: [redacted]'))).toBe(true)
    expect(logged.join('\n')).not.toContain(KEY)
  })

  it("a Slack user's BOT_SCOPES scope filters the answer, which says so; the posted link is signed and opens", async () => {
    const { app, deps } = await slackApp(undefined, { BOT_SCOPES: JSON.stringify({ 'slack:T1:U1': { region: ['North'] } }) })
    await app.request('/slack/events', signed(JSON.stringify(mentionEvent('How many customers churned in Q1 2026 by region?', { channel: 'C-SCOPE' }))))
    await fake.waitFor(() => postedIn('C-SCOPE').length >= 1)
    const msg = postedIn('C-SCOPE')[0].args
    expect(String(msg.text)).toContain('North')
    expect(String(msg.text)).not.toContain('South')
    expect(JSON.stringify(msg.blocks)).toContain('Within your scope: North.')
    const [row] = await readAudit(deps.db, { since: new Date(0) })
    expect(row).toMatchObject({ principal: 'slack:T1:U1', surface: 'slack', scope: { region: ['North'] }, outcome: 'answered' })
    const link = /<(https:\/\/churn\.example\.com\/answers\/[^|>]+)\|/.exec(JSON.stringify(msg.blocks))?.[1]
    expect(link).toMatch(/\?exp=\d+&sig=[A-Za-z0-9_-]{43}#turn-1$/)
    const url = new URL(link!)
    expect((await app.request(url.pathname + url.search)).status).toBe(200)
    expect((await app.request(url.pathname)).status).toBe(401)
  })
})
