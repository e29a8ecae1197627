import { existsSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'
import type { ChartRenderer } from './chart-renderer.js'
import type { ChartSpec } from './chart-spec.js'
import { chartTheme } from './chart-theme.js'
import { toSvg } from './to-svg.js'

/** Debian's fonts-noto-cjk (Chinese, Japanese, Korean) and fonts-dejavu-core (Latin labels, which shape much faster). */
export const CJK_FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf']

/** Options: font files to load (the first must exist for Chinese labels), the zoom (2 = sharp on phones). */
export type ResvgOptions = { fontFiles?: string[]; zoom?: number; log?: (msg: string) => void }

/** True when the CJK font the PNG renderer needs is installed. */
export function cjkFontAvailable(files = CJK_FONT_FILES): boolean {
  return existsSync(files[0])
}

/**
 * Renders charts without a browser: chart spec → SVG (our own layout) → PNG with resvg. Fonts come
 * from files, not the system, so the output is the same on every server that has the font package.
 * Without the CJK font it still renders, with system fonts, and says once that Chinese will be boxes.
 */
export function createResvgRenderer(opts: ResvgOptions = {}): ChartRenderer {
  const fontFiles = (opts.fontFiles ?? CJK_FONT_FILES).filter((f) => existsSync(f))
  if (!fontFiles.length) opts.log?.(`chart fonts not found (${(opts.fontFiles ?? CJK_FONT_FILES)[0]}): install fonts-noto-cjk, or Chinese labels render as boxes`)
  return {
    async render(spec: ChartSpec) {
      return renderPng(toSvg(spec), { fontFiles, zoom: opts.zoom ?? 2 })
    },
    close: async () => {},
  }
}

/** SVG text → PNG bytes at `zoom`, with the given font files. */
export function renderPng(svg: string, o: { fontFiles: string[]; zoom: number }): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: o.zoom },
    font: { fontFiles: o.fontFiles, loadSystemFonts: o.fontFiles.length === 0, defaultFontFamily: chartTheme.svgFonts.cjk, sansSerifFamily: chartTheme.svgFonts.cjk },
  })
  return resvg.render().asPng()
}
