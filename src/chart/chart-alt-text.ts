import { groupedNumber } from './grouped-number.js'
import type { ChartSpec } from './chart-spec.js'

/** A value with its unit as people write it: 33.33%, 1,200 USD; a gap shows as "–". */
export function formatValue(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return '–'
  const n = groupedNumber(v, 0, 2)
  return unit === '%' ? `${n}%` : unit ? `${n} ${unit}` : n
}

/** Alt text for the chart image: the title and every value, so screen readers (and tests) get the numbers. */
export function chartAltText(spec: ChartSpec, maxChars = 900): string {
  const multi = spec.series.length > 1
  const points = spec.x.map((x, i) => {
    const vals = spec.series.map((s) => `${multi ? `${s.name} ` : ''}${formatValue(s.values[i] ?? null, spec.unit)}`)
    return `${x}: ${vals.join(', ')}`
  })
  const text = `${spec.title} — ${points.join('; ')}`
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text
}
