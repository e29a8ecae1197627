import { groupedNumber } from './grouped-number.js'
import type { ChartSpec } from './chart-spec.js'

/**
 * Decimals a chart's value labels show, matching how answers write the numbers: rates with one
 * decimal (two when all are below 1%), whole counts and large amounts with none, money with two.
 */
export function valueDecimals(spec: Pick<ChartSpec, 'unit' | 'series'>): number {
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v))
  const maxAbs = Math.max(0, ...values.map(Math.abs))
  if (spec.unit === '%') return maxAbs > 0 && maxAbs < 1 ? 2 : 1
  if (values.every(Number.isInteger) || maxAbs >= 1000) return 0
  return /^[A-Z]{3}$/.test(spec.unit) ? 2 : 1
}

/** A value label: rounded to the chart's decimals, grouped by thousands, with % for rates; a gap is "–". */
export function formatChartValue(v: number | null | undefined, spec: Pick<ChartSpec, 'unit' | 'series'>, decimals = valueDecimals(spec)): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  const n = groupedNumber(v, decimals)
  return spec.unit === '%' ? `${n}%` : n
}

/** A value rounded the way its label shows it (for renderers that print numbers themselves, like mermaid). */
export function roundForChart(v: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(v * f) / f
}

/** Words for what a chart leaves out, in the chart's language: "11 smaller values not shown". */
export function omittedNote(spec: Pick<ChartSpec, 'omitted' | 'lang'>): string | null {
  const o = spec.omitted
  if (!o) return null
  if (spec.lang === 'zh') return o.kind === 'earliest' ? `另有更早的 ${o.count} 个期间未显示` : `另有 ${o.count} 个较小的值未显示`
  return o.kind === 'earliest' ? `${o.count} earlier periods not shown` : `${o.count} smaller values not shown`
}
