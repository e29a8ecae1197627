import { mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest'
import type { ChartSpec } from '../../../src/chart/chart-spec.js'
import { CHROMIUM_PATH, chromiumAvailable, createChartRenderer } from '../../../src/chart/render-png-chromium.js'
import { CJK_FONT_FILES, cjkFontAvailable } from '../../../src/chart/render-png-resvg.js'
import { sharedChartRenderer } from '../../../src/chart/shared-chart-renderer.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'
import { darkPixels, decodePng, type Pixels } from './decode-png.js'
import { startFakeSlack, type FakeSlack } from './fake-slack.js'
import { mentionEvent, signed } from './slack-request.js'
import { slackEnv } from './slack-test-app.js'

const renderer = createChartRenderer({ timeoutMs: 45_000, log: (m) => console.error(m) })
let fake: FakeSlack

beforeAll(async () => { fake = await startFakeSlack() })
afterAll(async () => {
  await renderer.close()
  await sharedChartRenderer('svg').close()
  await fake.close()
})

// In CI a missing browser is a broken image build; on a laptop without Chromium, skip with the reason.
function requireChromium(ctx: TestContext): void {
  if (chromiumAvailable()) return
  const why = `Chromium not found at ${CHROMIUM_PATH}: install the Debian packages chromium and fonts-noto-cjk to render Slack charts`
  if (process.env.CI) throw new Error(why)
  ctx.skip(why)
}

function requireCjkFont(ctx: TestContext): void {
  if (cjkFontAvailable()) return
  const why = `CJK font not found at ${CJK_FONT_FILES[0]}: install the Debian package fonts-noto-cjk to render Chinese chart labels`
  if (process.env.CI) throw new Error(why)
  ctx.skip(why)
}

const chart = (title: string, x: string[]): ChartSpec => ({ type: 'bar', title, x, series: [{ name: 'v', values: [12, 30, 21] }], unit: '%' })
const ARTIFACTS = 'test-artifacts/slack'
const png = async (spec: ChartSpec, keepAs?: string) => {
  const bytes = await renderer.render(spec)
  if (!bytes) throw new Error('renderer returned no image although Chromium is installed')
  // Kept for people to look at; test-artifacts/ is gitignored.
  if (keepAs) {
    mkdirSync(ARTIFACTS, { recursive: true })
    writeFileSync(`${ARTIFACTS}/${keepAs}`, bytes)
  }
  return decodePng(bytes)
}

/** Pixels that differ between two same-sized images within a band of rows. */
function differing(a: Pixels, b: Pixels, rows: [number, number]): number {
  let n = 0
  for (let i = rows[0] * a.width * 4; i < rows[1] * a.width * 4; i += 4) if (a.rgba[i] !== b.rgba[i] || a.rgba[i + 1] !== b.rgba[i + 1] || a.rgba[i + 2] !== b.rgba[i + 2]) n++
  return n
}

describe('chart PNG rendering (mermaid in Chromium)', () => {
  it('draws Chinese titles and labels as real glyphs, not empty space or identical tofu boxes', async (ctx) => {
    requireChromium(ctx)
    const zh = await png(chart('客户流失率按地区', ['北区', '南区', '东区']), 'chart-zh.png')
    const otherZh = await png(chart('收入留存率按套餐', ['华东', '西南', '中部']))
    expect(zh.width).toBeGreaterThan(1000) // 720 CSS px at device scale 2
    expect([otherZh.width, otherZh.height]).toEqual([zh.width, zh.height])
    const title: [number, number] = [0, Math.round(zh.height * 0.12)]
    const labels: [number, number] = [Math.round(zh.height * 0.86), zh.height]
    // Glyphs were drawn at all: the title band (above the plot) carries ink.
    expect(darkPixels(zh, title)).toBeGreaterThan(800)
    expect(darkPixels(zh, labels)).toBeGreaterThan(300)
    // Missing-glyph boxes look alike for every character, so two different Chinese strings of the same
    // length would render identically as tofu; real glyphs differ. Bars and axes are the same in both.
    expect(differing(zh, otherZh, title)).toBeGreaterThan(1500)
    expect(differing(zh, otherZh, labels)).toBeGreaterThan(300)
    expect(differing(zh, otherZh, [title[1], labels[0]])).toBe(0)
  }, 90_000)

  it('uploads a real PNG into the thread through the app (createApp mount, shared browser-free renderer)', async (ctx) => {
    requireCjkFont(ctx)
    const model = scriptedModel([
      { tool: 'query_metric', input: { metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, grain: 'month', language: 'zh' } },
      { text: '二月和三月的流失率均为33.33%。' },
    ])
    const { app } = await testApp(await tinyCompany(), model, slackEnv(fake))
    const res = await app.request('/slack/events', signed(JSON.stringify(mentionEvent('第一季度每月流失率？', { channel: 'C-PNG', ts: '1800000900.000100' }))))
    expect(res.status).toBe(200)
    await fake.waitFor(() => fake.of('files.completeUploadExternal').some((c) => c.args.channel_id === 'C-PNG'), 60_000)
    const bytes = fake.of('upload').at(-1)!.bytes
    const img = decodePng(bytes)
    expect(img.width).toBeGreaterThan(1000)
    expect(Number(fake.of('files.getUploadURLExternal').at(-1)!.args.length)).toBe(bytes.length)
    expect(fake.of('files.completeUploadExternal').at(-1)!.args).toMatchObject({ channel_id: 'C-PNG', thread_ts: '1800000900.000100' })
  }, 90_000)
})
