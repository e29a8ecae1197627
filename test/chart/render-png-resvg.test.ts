import { mkdirSync, writeFileSync } from 'node:fs'
import { describe, expect, it, type TestContext } from 'vitest'
import type { ChartSpec } from '../../src/chart/chart-spec.js'
import { CJK_FONT_FILES, cjkFontAvailable, createResvgRenderer } from '../../src/chart/render-png-resvg.js'
import { darkPixels, decodePng, type Pixels } from '../adapters/slack/decode-png.js'

// In CI a missing font is a broken image build; on a laptop without it, skip with the reason.
function requireFont(ctx: TestContext): void {
  if (cjkFontAvailable()) return
  const why = `CJK font not found at ${CJK_FONT_FILES[0]}: install the Debian package fonts-noto-cjk`
  if (process.env.CI) throw new Error(why)
  ctx.skip(why)
}

const renderer = createResvgRenderer()
const chart = (title: string, x: string[]): ChartSpec => ({ type: 'bar', title, x, series: [{ name: 'v', values: [30, 21, 12] }], unit: '%' })
const png = async (spec: ChartSpec, keepAs?: string): Promise<Pixels> => {
  const bytes = (await renderer.render(spec))!
  if (keepAs) {
    // Kept for people to look at; test-artifacts/ is gitignored.
    mkdirSync('test-artifacts/chart', { recursive: true })
    writeFileSync(`test-artifacts/chart/${keepAs}`, bytes)
  }
  return decodePng(bytes)
}
function differing(a: Pixels, b: Pixels, rows: [number, number]): number {
  let n = 0
  for (let i = rows[0] * a.width * 4; i < rows[1] * a.width * 4; i += 4) if (a.rgba[i] !== b.rgba[i] || a.rgba[i + 1] !== b.rgba[i + 1] || a.rgba[i + 2] !== b.rgba[i + 2]) n++
  return n
}

describe('browser-free chart PNG (SVG → resvg with the CJK font)', () => {
  it('draws Chinese titles and labels as real glyphs: ink where the text is, different for different characters, unlike missing-glyph tofu', async (ctx) => {
    requireFont(ctx)
    const zh = await png(chart('客户流失率按地区', ['北区', '南区', '东区']), 'chart-zh.png')
    const otherZh = await png(chart('收入留存率按套餐', ['华东', '西南', '中部']))
    // Private-use characters have no glyph in any font: what "no CJK font" looks like.
    const tofu = await png(chart('\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007', ['\ue010\ue011', '\ue012\ue013', '\ue014\ue015']))
    expect([zh.width, zh.height]).toEqual([1440, 840]) // 720 × 420 at zoom 2
    const title: [number, number] = [0, 70]
    const labels: [number, number] = [zh.height - 60, zh.height]
    expect(darkPixels(zh, title)).toBeGreaterThan(800)
    expect(darkPixels(zh, labels)).toBeGreaterThan(300)
    // Real glyphs differ between two different strings of the same length; bars and axes are identical.
    expect(differing(zh, otherZh, title)).toBeGreaterThan(1500)
    expect(differing(zh, otherZh, labels)).toBeGreaterThan(300)
    expect(differing(zh, otherZh, [title[1], labels[0]])).toBe(0)
    expect(differing(zh, tofu, title)).toBeGreaterThan(1500)
  })

  it('renders each chart type at the same size with the same title size (no size jumping)', async (ctx) => {
    requireFont(ctx)
    const x = Array.from({ length: 40 }, (_, i) => `2023-${String(i).padStart(2, '0')}`)
    const line = await png({ type: 'line', title: 'Churn rate', x, series: [{ name: 'a', values: x.map((_, i) => i % 7) }], unit: '%' }, 'line-40.png')
    const bar = await png({ type: 'bar', title: 'Churn rate', x: ['a', 'b'], series: [{ name: 'a', values: [1, 2] }], unit: '%' })
    const pie = await png({ type: 'pie', title: 'Churn rate', x: ['价格', 'Support'], series: [{ name: 'n', values: [42, 10] }], unit: 'count' }, 'pie.png')
    for (const img of [line, pie]) expect([img.width, img.height]).toEqual([bar.width, bar.height])
    // Same title text, same font size: the title band is pixel-identical across chart types.
    expect(differing(line, bar, [0, 60])).toBe(0)
    expect(differing(pie, bar, [0, 60])).toBe(0)
  })
})
