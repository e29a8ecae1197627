import type { ChartRenderer } from './chart-renderer.js'
import { createChartRenderer } from './render-png-chromium.js'
import { createResvgRenderer } from './render-png-resvg.js'

/** Which PNG renderer bots use: `svg` (no browser; our SVG + resvg) or `chromium` (mermaid in headless Chromium). */
export type ChartRendererKind = 'svg' | 'chromium'

const shared = new Map<ChartRendererKind, ChartRenderer>()

/** The process-wide renderer of a kind (one browser, or one font set, for every bot's answers). */
export function sharedChartRenderer(kind: ChartRendererKind = 'svg', log?: (msg: string) => void): ChartRenderer {
  let r = shared.get(kind)
  if (!r) {
    r = kind === 'chromium' ? createChartRenderer({ log }) : createResvgRenderer({ log })
    shared.set(kind, r)
  }
  return r
}
