type Mermaid = { initialize(config: Record<string, unknown>): void; render(id: string, text: string): Promise<{ svg: string }> }

let loading: Promise<Mermaid> | null = null
let seq = 0

/** Loads mermaid's ESM build on first use (it is large; pages without charts never fetch it). */
export function loadMermaid(url: string): Promise<Mermaid> {
  loading ??= (import(url) as Promise<{ default: Mermaid }>).then(
    (m) => {
      // strict: labels are encoded and click handlers disabled, so chart text can never become markup.
      m.default.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' })
      return m.default
    },
    (e: unknown) => {
      loading = null
      throw e
    },
  )
  return loading
}

/** Renders mermaid source into `target` as an SVG. */
export async function renderChart(url: string, target: HTMLElement, source: string): Promise<void> {
  const mermaid = await loadMermaid(url)
  const { svg } = await mermaid.render(`ci-chart-${++seq}`, source)
  target.innerHTML = svg
}
