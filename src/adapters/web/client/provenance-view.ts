import { h } from './dom.js'
import { t, type Lang } from './i18n.js'

/** What the server sends per tool call in a `data-provenance` part. */
export type Provenance = { name: string; input: unknown; sql: string[]; rowCount: number; period?: unknown; definition?: string; error?: string }

// Periods are [from, to) with `to` exclusive; people read ranges inclusively.
function lastDay(to: string): string {
  const d = new Date(`${to}T00:00:00Z`)
  return Number.isNaN(d.getTime()) ? to : new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10)
}

function periodText(p: unknown): string {
  if (!p || typeof p !== 'object') return typeof p === 'string' ? p : ''
  const { label, from, to } = p as { label?: string; from?: string; to?: string }
  const range = from && to ? `${from} – ${lastDay(to)}` : ''
  return label && range && !label.includes(from!) ? `${label} (${range})` : (label ?? range)
}

// Spaces after commas and colons let long inputs wrap between fields instead of inside words.
const compactJson = (v: unknown) => JSON.stringify(v ?? {}).replace(/,(?=")/g, ', ').replace(/":/g, '": ')

/** The "How was this computed?" disclosure: each tool call with its input, period, definition, row count and SQL. */
export function provenanceView(lang: Lang, items: Provenance[]): HTMLDetailsElement {
  const row = (label: string, value: Node | string) => [h('dt', {}, label), h('dd', {}, value)]
  const calls = items.map((p) =>
    h(
      'li',
      {},
      h(
        'dl',
        {},
        ...row(t(lang, 'tool'), h('code', {}, p.name)),
        ...row(t(lang, 'input'), h('code', { class: 'json' }, compactJson(p.input))),
        ...(p.period ? row(t(lang, 'period'), periodText(p.period)) : []),
        ...(p.definition ? row(t(lang, 'definition'), p.definition) : []),
        ...row(t(lang, 'rows'), String(p.rowCount)),
        ...(p.error ? row('⚠', p.error) : []),
      ),
      ...p.sql.map((sql) => h('pre', { class: 'sql', 'aria-label': t(lang, 'sql') }, h('code', {}, sql))),
    ),
  )
  return h('details', { class: 'how' }, h('summary', {}, t(lang, 'how')), h('ol', {}, ...calls))
}
