import { renderChart } from './charts.js'
import { downloadCsv, tableOf } from './csv.js'
import { h } from './dom.js'
import type { LastCall } from './follow-ups.js'
import { t, type Lang } from './i18n.js'
import { renderMarkdown } from './markdown.js'
import { provenanceView, type Provenance } from './provenance-view.js'
import type { UIChunk } from './sse.js'

type ToolCall = { name: string; input: Record<string, unknown>; output?: unknown }

/** One assistant answer in the log, built up from stream chunks as they arrive. */
export class AnswerView {
  readonly el: HTMLElement
  /** Milliseconds from the question to the first visible text (for the perf check in the browser tests). */
  firstTextMs: number | null = null
  private readonly status = h('p', { class: 'status', role: 'status' })
  private readonly md = h('div', { class: 'md' })
  private readonly charts = h('div', { class: 'charts' })
  private readonly actions = h('div', { class: 'actions' })
  private readonly extra = h('div', { class: 'extra' })
  private text = ''
  private textIds: string[] = []
  private texts = new Map<string, string>()
  private calls = new Map<string, ToolCall>()
  private provenance: Provenance[] = []
  private frame = 0

  constructor(private readonly lang: Lang, private readonly mermaidUrl: string, private readonly startedAt: number) {
    this.el = h('article', { class: 'msg bot', 'aria-busy': 'true' }, this.status, this.md, this.charts, this.actions, this.extra)
    this.status.textContent = t(lang, 'thinking')
  }

  /** Applies one UI message stream chunk. */
  handle(c: UIChunk): void {
    if (c.type === 'text-delta' && typeof c.delta === 'string') this.addText(String(c.id ?? ''), c.delta)
    else if (c.type === 'tool-input-available') {
      this.calls.set(String(c.toolCallId), { name: String(c.toolName), input: (c.input ?? {}) as Record<string, unknown> })
      const what = (c.input as { metric?: string } | undefined)?.metric ?? String(c.toolName)
      if (!this.text) this.status.textContent = t(this.lang, 'querying', { what })
    } else if (c.type === 'tool-output-available') {
      const call = this.calls.get(String(c.toolCallId))
      if (call) {
        call.output = c.output
        this.addCsvButton(call)
      }
    } else if (c.type === 'data-chart') this.addChart(c.data as { mermaid?: string; spec?: { title?: string } })
    else if (c.type === 'data-provenance') this.provenance.push(c.data as Provenance)
  }

  /** The stream ended: show the disclosure, stop the busy state. */
  finish(): void {
    this.flush()
    this.status.remove()
    if (this.provenance.length) this.extra.prepend(provenanceView(this.lang, this.provenance))
    this.el.setAttribute('aria-busy', 'false')
  }

  /** Shows an error inside the answer, with a retry button. */
  fail(message: string, retry?: () => void): void {
    this.finish()
    this.el.classList.add('failed')
    this.extra.append(h('div', { class: 'error', role: 'alert' }, h('span', {}, message), retry ? h('button', { type: 'button', class: 'retry', onclick: retry }, t(this.lang, 'retry')) : null))
  }

  /** Adds follow-up question buttons. */
  showFollowUps(questions: string[], ask: (q: string) => void): void {
    if (!questions.length) return
    const chips = questions.map((q) => h('button', { type: 'button', class: 'chip', onclick: () => ask(q) }, q))
    this.extra.append(h('div', { class: 'follow-ups' }, h('span', { class: 'label' }, t(this.lang, 'followUps')), ...chips))
  }

  /** The last query the answer ran (for follow-up suggestions). */
  lastCall(): LastCall | undefined {
    const c = [...this.calls.values()].reverse().find((x) => x.name === 'query_metric') ?? [...this.calls.values()].at(-1)
    if (!c) return undefined
    const name = (c.output as { metric?: { name?: Record<string, string> } } | undefined)?.metric?.name
    return { name: c.name, input: c.input, metricName: name?.[this.lang] }
  }

  private addText(id: string, delta: string): void {
    if (this.firstTextMs === null) {
      this.firstTextMs = Math.round(performance.now() - this.startedAt)
      this.el.dataset.firstTextMs = String(this.firstTextMs)
      this.status.remove()
    }
    if (!this.texts.has(id)) this.textIds.push(id)
    this.texts.set(id, (this.texts.get(id) ?? '') + delta)
    this.text = this.textIds.map((k) => this.texts.get(k)).join('\n\n')
    // Re-render at most once a frame: long answers arrive as many small deltas.
    this.frame ||= requestAnimationFrame(() => this.flush())
  }

  private flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame)
    this.frame = 0
    this.md.innerHTML = renderMarkdown(this.text)
  }

  private addChart(chart: { mermaid?: string; spec?: { title?: string } }): void {
    if (typeof chart?.mermaid !== 'string') return
    const fig = h('figure', { class: 'chart', role: 'img', 'aria-label': chart.spec?.title ?? 'chart' })
    this.charts.append(fig)
    renderChart(this.mermaidUrl, fig, chart.mermaid).catch(() => {
      fig.replaceChildren(h('p', { class: 'chart-error' }, t(this.lang, 'chartFailed')))
    })
  }

  private addCsvButton(call: ToolCall): void {
    const table = tableOf(call.output)
    if (!table) return
    const metric = String(call.input.metric ?? call.name)
    const period = (call.output as { period?: { from?: string; to?: string } }).period
    const file = `${metric}${period?.from ? `_${period.from}_${period.to}` : ''}.csv`.replace(/[^\w.-]+/g, '_')
    const label = this.calls.size > 1 ? `${t(this.lang, 'csv')} · ${metric}` : t(this.lang, 'csv')
    this.actions.append(h('button', { type: 'button', class: 'csv', onclick: () => downloadCsv(file, table) }, label))
  }
}
