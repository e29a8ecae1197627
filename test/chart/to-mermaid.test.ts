import { describe, expect, it } from 'vitest'
import { makeChart } from '../../src/chart/make-chart.js'
import { toMermaid } from '../../src/chart/to-mermaid.js'
import { mermaidParse } from '../helpers/mermaid-parser.js'

describe('toMermaid', () => {
  it('writes a line chart as xychart-beta with quoted labels and a nice y range', () => {
    const text = toMermaid({ type: 'line', title: 'Churn rate', x: ['2026-01', '2026-02'], series: [{ name: 'all', values: [2.5, 3.1] }], unit: '%' })
    expect(text).toBe(['xychart-beta', '  title "Churn rate"', '  x-axis ["2026-01", "2026-02"]', '  y-axis "%" 0 --> 4', '  line [2.5, 3.1]'].join('\n'))
  })

  it('escapes quotes and newlines in labels and maps null to 0', () => {
    const text = toMermaid({ type: 'bar', title: 'He said "hi"\nthen', x: ['a"b'], series: [{ name: 's', values: [null] }], unit: 'x' })
    expect(text).toContain(`title "He said 'hi' then"`)
    expect(text).toContain(`x-axis ["a'b"]`)
    expect(text).toContain('bar [0]')
  })

  it('writes a pie with showData', () => {
    expect(toMermaid({ type: 'pie', title: '原因', x: ['价格', 'Support'], series: [{ name: 'n', values: [42, 10] }], unit: 'count' })).toBe(
      ['pie showData', '  title 原因', '  "价格" : 42', '  "Support" : 10'].join('\n'),
    )
  })

  it('keeps at most 6 series and the last 40 points', () => {
    const x = Array.from({ length: 50 }, (_, i) => `p${i}`)
    const c = makeChart({ type: 'line', title: 't', x, series: Array.from({ length: 8 }, (_, i) => ({ name: `s${i}`, values: x.map(() => i) })), unit: '%' })
    expect(c.spec.x).toHaveLength(40)
    expect(c.spec.x[0]).toBe('p10')
    expect(c.spec.series).toHaveLength(6)
  })
})

describe('every chart kind parses with mermaid', () => {
  const cases = [
    { type: 'line' as const, title: '最近12个月流失率', x: ['2025-11', '2025-12', '2026-01'], series: [{ name: '北美', values: [2.1, 2.4, null] }, { name: 'APAC', values: [3, 3.5, 4] }], unit: '%' },
    { type: 'bar' as const, title: 'Churn by plan · 2026-Q3', x: ['Starter', 'Growth', '企业版 (Enterprise)'], series: [{ name: 'Churn', values: [4.2, 2.1, 0.8] }], unit: '%' },
    { type: 'bar' as const, title: 'Negative values', x: ['a', 'b'], series: [{ name: 'change', values: [-3.5, 2] }], unit: 'pp' },
    { type: 'pie' as const, title: '流失原因', x: ['价格因素', 'Support and service', '其他'], series: [{ name: 'n', values: [12, 7, 3] }], unit: 'count' },
  ]
  for (const spec of cases) {
    it(`${spec.type}: ${spec.title}`, async () => {
      await expect(mermaidParse(makeChart(spec).mermaid)).resolves.toBeTruthy()
    })
  }
  it('an empty title is left out rather than written as ""', async () => {
    for (const type of ['pie', 'bar'] as const) {
      const text = makeChart({ type, title: ' ', x: ['a'], series: [{ name: 's', values: [1] }], unit: '%' }).mermaid
      expect(text).not.toContain('title')
      await expect(mermaidParse(text)).resolves.toBeTruthy()
    }
  })
  it('and the parser really rejects broken source', async () => {
    await expect(mermaidParse('xychart-beta\n  x-axis [a, b\n  bar [1,')).rejects.toThrow()
  })
})
