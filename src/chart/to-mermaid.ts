import type { ChartSpec } from './chart-spec.js'
import { omittedNote, roundForChart, valueDecimals } from './chart-values.js'

// Mermaid labels are double-quoted; a literal double quote or newline would end or break the statement.
const quote = (s: string) => `"${s.replace(/["\n\r]/g, (c) => (c === '"' ? "'" : ' ')).replace(/[<>]/g, ' ')}"`

/** Mermaid source for a chart spec: `xychart-beta` for line and bar, `pie` for shares. Chinese-safe (all labels quoted). */
export function toMermaid(spec: ChartSpec): string {
  // Mermaid prints the numbers it is given as bar labels: round them as the answer's text does (6.0%, not 5.99).
  const decimals = valueDecimals(spec)
  const num = (v: number | null) => (v === null || !Number.isFinite(v) ? 0 : roundForChart(v, decimals))
  const note = omittedNote(spec)
  if (note) spec = { ...spec, title: `${spec.title} (${note})` }
  if (spec.type === 'pie') {
    const values = spec.series[0]?.values ?? []
    const slices = spec.x.map((label, i) => `  ${quote(label)} : ${Math.max(0, num(values[i] ?? 0))}`)
    // A pie title is bare text to the end of the line (quotes would be shown literally).
    const title = spec.title.replace(/[\n\r"<>]/g, ' ').trim()
    return ['pie showData', ...(title ? [`  title ${title}`] : []), ...slices].join('\n')
  }
  const all = spec.series.flatMap((s) => s.values.map(num))
  const max = Math.max(0, ...all)
  const min = Math.min(0, ...all)
  const top = max === min ? min + 1 : niceCeil(max)
  const lines = [
    'xychart-beta',
    ...(spec.title.trim() ? [`  title ${quote(spec.title)}`] : []),
    `  x-axis [${spec.x.map(quote).join(', ')}]`,
    `  y-axis ${quote(spec.unit)} ${min < 0 ? -niceCeil(-min) : 0} --> ${top}`,
    // mermaid draws grouped bars on top of each other, so only the first series is a bar; the rest are lines.
    ...spec.series.map((s, i) => `  ${spec.type === 'bar' && i > 0 ? 'line' : spec.type} [${s.values.map(num).join(', ')}]`),
  ]
  return lines.join('\n')
}

function niceCeil(v: number): number {
  if (v <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p
  return 10 * p
}
