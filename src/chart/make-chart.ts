import type { Chart, ChartSpec } from './chart-spec.js'
import { toMermaid } from './to-mermaid.js'

/** Limits that keep charts readable (and small in an LLM context). */
export const MAX_SERIES = 6
export const MAX_POINTS = 40

/** Builds a Chart (spec + mermaid) from a spec, trimming to the readable limits. */
export function makeChart(spec: ChartSpec): Chart {
  const keep = spec.x.length > MAX_POINTS ? spec.x.length - MAX_POINTS : 0
  const trimmed: ChartSpec = {
    ...spec,
    x: spec.x.slice(keep),
    series: spec.series.slice(0, MAX_SERIES).map((s) => ({ name: s.name, values: s.values.slice(keep) })),
  }
  return { spec: trimmed, mermaid: toMermaid(trimmed) }
}
