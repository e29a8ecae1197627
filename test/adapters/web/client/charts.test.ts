import { describe, expect, it } from 'vitest'
import { chartConfig } from '../../../../src/adapters/web/client/charts.js'
import { chartTheme } from '../../../../src/chart/chart-theme.js'

type XyConfig = { xyChart: { width: number; height: number; titleFontSize: number; xAxis: { labelFontSize: number }; yAxis: { labelFontSize: number } } }
const source = 'xychart-beta\n  x-axis ["a", "b", "c"]\n  y-axis "%" 0 --> 10\n  bar [1, 2, 3]'

describe('web chart layout', () => {
  it('lays a chart out at the phone\'s width, so its text keeps the theme size instead of shrinking to ~6 px', () => {
    // A 390-px phone: the figure's content box is about 340 px.
    const phone = chartConfig(source, 340) as XyConfig
    expect(phone.xyChart.width).toBe(340)
    expect(phone.xyChart.xAxis.labelFontSize).toBe(chartTheme.fontSize.axis)
    // Shown at its own width (no scaling), 13-px labels stay 13 px.
    expect(phone.xyChart.xAxis.labelFontSize * (340 / phone.xyChart.width)).toBeGreaterThanOrEqual(12)
  })

  it('uses the same font sizes on every chart and width, capped at the theme width on wide screens', () => {
    const wide = chartConfig(source, 1200) as XyConfig
    const widget = chartConfig(source, 300) as XyConfig
    expect(wide.xyChart.width).toBe(chartTheme.width)
    expect(widget.xyChart.width).toBe(chartTheme.minWidth)
    for (const c of [wide, widget]) {
      expect(c.xyChart.titleFontSize).toBe(chartTheme.fontSize.title)
      expect(c.xyChart.yAxis.labelFontSize).toBe(chartTheme.fontSize.axis)
    }
  })
})
