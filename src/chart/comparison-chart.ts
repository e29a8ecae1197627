import type { Chart } from './chart-spec.js'
import { makeChart } from './make-chart.js'
import { unitLabel } from './unit-label.js'
import type { Unit } from '../catalog/types.js'

/** What the chart needs of one compared measure. */
export type ChartedMeasure = { id: string; name: string; unit: Unit; a: number | null; b: number | null }

/**
 * Bars for segment a and b across measures. One axis cannot carry mixed units, so the chart
 * shows the largest group of measures sharing a unit (ties: percent first, then the first
 * listed); measures with no value in either segment are left out. Null when nothing is left.
 */
export function comparisonChart(
  title: string, labels: { a: string; b: string }, measures: ChartedMeasure[], currency: string, lang: 'en' | 'zh',
): Chart | null {
  // A measure the data has nothing for (no tickets or logins: 0 on both sides) draws no bars.
  const valued = measures.filter((m) => (m.a !== null || m.b !== null) && !(m.a === 0 && m.b === 0))
  if (!valued.length) return null
  const groups = new Map<Unit, ChartedMeasure[]>()
  for (const m of valued) groups.set(m.unit, [...(groups.get(m.unit) ?? []), m])
  const [, chosen] = [...groups.entries()].reduce((best, g) => {
    if (g[1].length !== best[1].length) return g[1].length > best[1].length ? g : best
    return g[0] === 'percent' ? g : best
  })
  return makeChart({
    type: 'bar',
    title,
    x: chosen.map((m) => m.name),
    series: [
      { name: labels.a, values: chosen.map((m) => m.a) },
      { name: labels.b, values: chosen.map((m) => m.b) },
    ],
    unit: unitLabel(chosen[0].unit, currency, lang),
    lang,
  }, 'given')
}
