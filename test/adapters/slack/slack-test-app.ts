import type { LanguageModelV4 } from '@ai-sdk/provider'
import type { ChartSpec } from '../../../src/chart/chart-spec.js'
import type { ChartRenderer } from '../../../src/chart/chart-renderer.js'
import { slackRoutes } from '../../../src/adapters/slack/slack-routes.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { testApp } from '../../helpers/test-app.js'
import type { FakeSlack } from './fake-slack.js'
import { SECRET } from './slack-request.js'

/** Bytes the stub renderer "renders": a PNG signature and a marker, enough to follow the upload. */
export const STUB_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('stub-chart')])

/** A renderer that needs no browser and records the specs it was given. */
export function stubRenderer(): ChartRenderer & { specs: ChartSpec[] } {
  const specs: ChartSpec[] = []
  return { specs, render: async (spec) => { specs.push(spec); return STUB_PNG }, close: async () => {} }
}

/** Env that turns the Slack bot on and points it at the fake Slack. */
export function slackEnv(fake: FakeSlack): Record<string, string> {
  return { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: fake.apiUrl, PUBLIC_URL: 'https://churn.example.com' }
}

/** The Slack routes over the tiny company with a model (scripted; undefined = the default offline one), the fake Slack and a stub chart renderer. */
export async function slackTestApp(model: LanguageModelV4 | undefined, fake: FakeSlack) {
  const { deps } = await testApp(await tinyCompany(), model, slackEnv(fake))
  const renderer = stubRenderer()
  return { app: slackRoutes(deps, { renderer }), deps, renderer }
}
