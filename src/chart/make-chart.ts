import type { Chart, ChartSpec } from './chart-spec.js'
import { toMermaid } from './to-mermaid.js'

/** Limits that keep charts readable (and small in an LLM context). */
export const MAX_SERIES = 6
export const MAX_POINTS = 40

/**
 * How categories are ordered: `value` (largest first, for segments), `natural` (the labels' own order,
 * e.g. "1-10", "11-50", "51-200") or `given` (time, or an order the caller chose).
 * `auto` picks natural when every label starts with a number, else value.
 */
export type CategoryOrder = 'value' | 'natural' | 'given' | 'auto'

/**
 * Builds a Chart (spec + mermaid) from a spec: orders the categories and trims to the readable limits.
 * Time series keep the latest points; categories keep the largest values. What is left out is
 * recorded in `omitted`, so every renderer can say so instead of dropping values silently.
 */
export function makeChart(spec: ChartSpec, order: CategoryOrder = spec.type === 'line' ? 'given' : 'auto'): Chart {
  const series = spec.series.slice(0, MAX_SERIES)
  const idx = spec.x.map((_, i) => i)
  const size = (i: number) => series.reduce((sum, s) => sum + Math.abs(s.values[i] ?? 0), 0)
  const how = order === 'auto' ? (spec.x.length > 1 && spec.x.every((x) => /^\s*[<>≤≥~]?\s*\d/.test(x)) ? 'natural' : 'value') : order
  if (how === 'value') idx.sort((a, b) => size(b) - size(a))
  if (how === 'natural') idx.sort((a, b) => leadingNumber(spec.x[a]) - leadingNumber(spec.x[b]))
  let keep = idx
  let omitted: ChartSpec['omitted']
  if (idx.length > MAX_POINTS) {
    const count = idx.length - MAX_POINTS
    if (spec.type === 'line' || how === 'given') {
      keep = idx.slice(count)
      omitted = { count, kind: 'earliest' }
    } else {
      // The largest values, shown in the chosen order.
      const top = new Set([...idx].sort((a, b) => size(b) - size(a)).slice(0, MAX_POINTS))
      keep = idx.filter((i) => top.has(i))
      omitted = { count, kind: 'smallest' }
    }
  }
  const trimmed: ChartSpec = {
    ...spec,
    x: keep.map((i) => spec.x[i]),
    series: series.map((s) => ({ name: s.name, values: keep.map((i) => s.values[i] ?? null) })),
    ...(omitted ? { omitted } : {}),
  }
  return { spec: trimmed, mermaid: toMermaid(trimmed) }
}

function leadingNumber(label: string): number {
  const m = /\d[\d,]*(\.\d+)?/.exec(label)
  return m ? Number(m[0].replace(/,/g, '')) : Number.POSITIVE_INFINITY
}
