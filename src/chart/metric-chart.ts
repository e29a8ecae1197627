import type { Unit } from '../catalog/types.js'
import type { Chart } from './chart-spec.js'
import { makeChart } from './make-chart.js'
import { unitLabel } from './unit-label.js'

/** What a metric chart needs of a metric result (structurally the query layer's MetricResult). */
export type ChartedMetric = {
  metric: { name: { en: string; zh: string }; unit: Unit }
  currency: string
  period: { label: string }
  grain?: string
  by: string[]
  rows: Array<{ period?: string; segment: Record<string, string>; value: number | null }>
}

/**
 * Picks the chart for a metric result: a line over time (one series per segment), bars across
 * segments (largest first, or the labels' own order for numbered bands), or bars comparing the
 * period with the one before.
 */
export function metricChart(r: ChartedMetric, lang: 'en' | 'zh', previous?: { label: string; value: number | null }): Chart | null {
  const name = r.metric.name[lang]
  const unit = unitLabel(r.metric.unit, r.currency, lang)
  const title = `${name} · ${r.period.label}`
  const seg = (s: Record<string, string>) => Object.values(s).join(' / ')
  if (r.grain) {
    const x = [...new Set(r.rows.map((row) => row.period!))]
    const names = [...new Set(r.rows.map((row) => seg(row.segment)))]
    const series = names.map((n) => ({
      name: n || name,
      values: x.map((p) => r.rows.find((row) => row.period === p && seg(row.segment) === n)?.value ?? null),
    }))
    return makeChart({ type: 'line', title, x, series, unit, lang })
  }
  if (r.by.length === 1) {
    return makeChart({ type: 'bar', title, x: r.rows.map((row) => seg(row.segment)), series: [{ name, values: r.rows.map((row) => row.value) }], unit, lang })
  }
  if (r.by.length === 2) {
    const [d0, d1] = r.by
    const x = [...new Set(r.rows.map((row) => row.segment[d0]))]
    const names = [...new Set(r.rows.map((row) => row.segment[d1]))]
    const series = names.map((n) => ({ name: n, values: x.map((v) => r.rows.find((row) => row.segment[d0] === v && row.segment[d1] === n)?.value ?? null) }))
    return makeChart({ type: 'bar', title, x, series, unit, lang })
  }
  const current = r.rows[0]?.value ?? null
  if (!previous) return null
  return makeChart({ type: 'bar', title, x: [previous.label, r.period.label], series: [{ name, values: [previous.value, current] }], unit, lang }, 'given')
}
