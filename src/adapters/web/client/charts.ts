type Mermaid = { initialize(config: Record<string, unknown>): void; render(id: string, text: string): Promise<{ svg: string }> }

const palette = ['#1d4ed8', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#0ea5e9', '#64748b', '#d946ef']
const fontFamily = 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'

// strict: labels are encoded and click handlers disabled, so chart text can never become markup.
const baseConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'base',
  fontFamily,
  themeVariables: {
    fontFamily,
    primaryColor: '#e0e8ff',
    primaryTextColor: '#1f2933',
    lineColor: '#52606d',
    xyChart: { plotColorPalette: palette.join(', '), backgroundColor: '#ffffff' },
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

/** Per-chart layout: many x labels are turned so they do not overlap; bars get their values printed. */
export function chartConfig(source: string): Record<string, unknown> {
  const labels = /x-axis\s*\[(.*)\]/.exec(source)?.[1].split(',').length ?? 0
  const bars = /^\s*bar\s*\[/m.test(source) && !/^\s*line\s*\[/m.test(source)
  return {
    ...baseConfig,
    xyChart: {
      width: 640,
      height: 400,
      titleFontSize: 16,
      showDataLabel: bars && labels <= 12,
      showDataLabelOutsideBar: true,
      xAxis: { labelFontSize: 13, labelRotation: labels > 6 ? 45 : 0 },
      yAxis: { labelFontSize: 13, titleFontSize: 14 },
    },
    pie: { textPosition: 0.7 },
  }
}

/** Renders mermaid source into `target` as an SVG (renders run one at a time: the config is global). */
export function renderChart(url: string, target: HTMLElement, source: string): Promise<void> {
  const job = queue.then(async () => {
    const mermaid = await loadMermaid(url)
    mermaid.initialize(chartConfig(source))
    const { svg } = await mermaid.render(`ci-chart-${++seq}`, source)
    target.innerHTML = svg
  })
  queue = job.catch(() => {})
  return job
}
