import type { ChartSpec } from './chart-spec.js'

/** Turns a chart spec into PNG bytes, or null when it cannot (callers then link to the web page). */
export type ChartRenderer = { render(spec: ChartSpec): Promise<Buffer | null>; close(): Promise<void> }
