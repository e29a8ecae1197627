import { chartTheme as T } from '../../../chart/chart-theme.js'

type Mermaid = { initialize(config: Record<string, unknown>): void; render(id: string, text: string): Promise<{ svg: string }> }

// One theme for the page and the PNG charts the bots post.
const palette = T.palette
const fontFamily = T.fontFamily

// strict: labels are encoded and click handlers disabled, so chart text can never become markup.
const baseConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'base',
  fontFamily,
  themeVariables: {
    fontFamily,
    primaryColor: '#e0e8ff',
    primaryTextColor: T.text,
    lineColor: T.muted,
    xyChart: { plotColorPalette: palette.join(', '), backgroundColor: T.background },
    ...Object.fromEntries(palette.map((c, k) => [`pie${k + 1}`, c])),
    pieStrokeColor: '#ffffff',
    pieOuterStrokeColor: '#ffffff',
  },
}

let loading: Promise<Mermaid> | null = null
let queue: Promise<unknown> = Promise.resolve()
let seq = 0

/** Loads mermaid's ESM build on first use (it is large; pages without charts never fetch it). */
export function loadMermaid(url: string): Promise<Mermaid> {
  loading ??= (import(url) as Promise<{ default: Mermaid }>).then(
    (m) => m.default,
    (e: unknown) => {
      loading = null
      throw e
    },
  )
  return loading
}

/**
 * Per-chart layout at the width the chart will be shown at: laid out at 640 px and scaled down to a
 * 390-px phone or the widget, its labels came out at about 6 px. Narrower than the theme's minimum,
 * the chart scrolls sideways instead. Many x labels are turned; bars get their values printed.
 */
export function chartConfig(source: string, available: number = T.width): Record<string, unknown> {
  const width = Math.round(Math.max(T.minWidth, Math.min(T.width, available || T.width)))
  const labels = /x-axis\s*\[(.*)\]/.exec(source)?.[1].split(',').length ?? 0
  const bars = /^\s*bar\s*\[/m.test(source) && !/^\s*line\s*\[/m.test(source)
  return {
    ...baseConfig,
    xyChart: {
      width,
      height: Math.round(Math.max(260, width * 0.6)),
      titleFontSize: T.fontSize.title,
      showDataLabel: bars && labels <= Math.floor(width / 55),
      showDataLabelOutsideBar: true,
      xAxis: { labelFontSize: T.fontSize.axis, labelRotation: labels > width / 100 ? 45 : 0 },
      yAxis: { labelFontSize: T.fontSize.axis, titleFontSize: T.fontSize.axisTitle },
    },
    pie: { textPosition: 0.7 },
    themeVariables: { ...baseConfig.themeVariables, pieSectionTextSize: `${T.fontSize.dataLabel}px`, pieLegendTextSize: `${T.fontSize.legend}px`, pieTitleTextSize: `${T.fontSize.title}px` },
  }
}

/** Renders mermaid source into `target` as an SVG (renders run one at a time: the config is global). */
export function renderChart(url: string, target: HTMLElement, source: string): Promise<void> {
  const job = queue.then(async () => {
    const mermaid = await loadMermaid(url)
    // The figure's content width (its padding is 0.5rem on each side).
    mermaid.initialize(chartConfig(source, target.clientWidth - 16))
    const { svg } = await mermaid.render(`ci-chart-${++seq}`, source)
    target.innerHTML = svg
  })
  queue = job.catch(() => {})
  return job
}
