import { describe, expect, it } from 'vitest'
import { formatChartValue, valueDecimals } from '../../src/chart/chart-values.js'
import { makeChart } from '../../src/chart/make-chart.js'
import { metricChart } from '../../src/chart/metric-chart.js'
import { toSvg } from '../../src/chart/to-svg.js'

const metric = (rows: Array<{ segment: string; value: number }>) => ({
  metric: { name: { en: 'Churn rate', zh: '流失率' }, unit: 'percent' as const },
  currency: 'USD',
  period: { label: '2026-Q1' },
  by: ['region'],
  rows: rows.map((r) => ({ segment: { region: r.segment }, value: r.value })),
})

describe('chart choice', () => {
  it('orders segment bars by value, largest first, not alphabetically', () => {
    const c = metricChart(metric([{ segment: 'APAC', value: 2.1 }, { segment: 'Europe', value: 5.99 }, { segment: 'LATAM', value: 3.4 }]), 'en')!
    expect(c.spec.x).toEqual(['Europe', 'LATAM', 'APAC'])
    expect(c.spec.series[0].values).toEqual([5.99, 3.4, 2.1])
    expect(c.mermaid).toContain('x-axis ["Europe", "LATAM", "APAC"]')
  })

  it('keeps the natural order of numbered bands (company size 1-10 < 11-50 < 51-200 < 201+)', () => {
    const c = makeChart({ type: 'bar', title: 't', x: ['51-200', '1-10', '201+', '11-50'], series: [{ name: 's', values: [1, 9, 4, 3] }], unit: '%' })
    expect(c.spec.x).toEqual(['1-10', '11-50', '51-200', '201+'])
    expect(c.spec.series[0].values).toEqual([9, 3, 1, 4])
  })

  it('keeps time and period-over-period bars in the order given', () => {
    const prevNow = makeChart({ type: 'bar', title: 't', x: ['2025-Q4', '2026-Q1'], series: [{ name: 's', values: [6, 4] }], unit: '%' }, 'given')
    expect(prevNow.spec.x).toEqual(['2025-Q4', '2026-Q1'])
  })

  it('rounds value labels as the answer text does: 5.99% shows as 6.0%, counts whole, small rates with two decimals', () => {
    const spec = { unit: '%', series: [{ name: 's', values: [5.99, 3.04] }] }
    expect(valueDecimals(spec)).toBe(1)
    expect(formatChartValue(5.99, spec)).toBe('6.0%')
    expect(valueDecimals({ unit: '%', series: [{ name: 's', values: [0.42, 0.1] }] })).toBe(2)
    expect(valueDecimals({ unit: 'count', series: [{ name: 's', values: [12, 7] }] })).toBe(0)
    expect(formatChartValue(1234.5, { unit: 'USD', series: [{ name: 's', values: [1234.5] }] })).toBe('1,235')
    const c = makeChart({ type: 'bar', title: 't', x: ['a', 'b'], series: [{ name: 's', values: [5.99, 3.04] }], unit: '%' })
    expect(c.mermaid).toContain('bar [6, 3]')
    expect(toSvg(c.spec)).toContain('>6.0%</text>')
    expect(toSvg(c.spec)).not.toContain('5.99')
  })

  it('a 51-value chart keeps the 40 largest values (the highest included) and says how many are left out', () => {
    const x = Array.from({ length: 51 }, (_, i) => `Industry ${String.fromCharCode(65 + (i % 26))}${i}`)
    const values = x.map((_, i) => (i * 37) % 101)
    const c = makeChart({ type: 'bar', title: 'Churn by industry', x, series: [{ name: 's', values }], unit: 'count', lang: 'en' })
    expect(c.spec.x).toHaveLength(40)
    expect(c.spec.series[0].values[0]).toBe(Math.max(...values))
    const kept = [...values].sort((a, b) => b - a).slice(0, 40)
    expect(c.spec.series[0].values).toEqual(kept)
    expect(c.spec.omitted).toEqual({ count: 11, kind: 'smallest' })
    expect(toSvg(c.spec)).toContain('11 smaller values not shown')
    expect(c.mermaid).toContain('11 smaller values not shown')
    const zh = makeChart({ type: 'bar', title: '按行业', x, series: [{ name: 's', values }], unit: '客户数', lang: 'zh' })
    expect(toSvg(zh.spec)).toContain('另有 11 个较小的值未显示')
  })

  it('a long time series keeps the latest points and says the earliest are left out', () => {
    const x = Array.from({ length: 50 }, (_, i) => `p${i}`)
    const c = makeChart({ type: 'line', title: 't', x, series: [{ name: 's', values: x.map((_, i) => i) }], unit: '%', lang: 'en' })
    expect(c.spec.x[0]).toBe('p10')
    expect(c.spec.omitted).toEqual({ count: 10, kind: 'earliest' })
  })
})
