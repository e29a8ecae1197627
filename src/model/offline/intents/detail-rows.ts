import type { DataCatalog } from '../../../catalog/data-catalog.js'
import type { DetailFieldDef, DetailSourceDef } from '../../../catalog/detail-source.js'
import type { ToolCall } from '../build-calls.js'
import type { Normalised } from '../normalise.js'
import { parseTime } from '../parse-time.js'

type Mention = { start: number; end: number; source: DetailSourceDef; field?: DetailFieldDef }

// Churn of the customers who own the rows ("churned accounts", "流失账户") rather than of the rows themselves.
const churnedCustomers = /\b(churned|lost|former) (accounts?|customers?|clients?|users?)\b|\bchurners\b|流失(?:的)?(?:账户|客户|用户)|已流失/
const churnWords = /\bchurn|\bended\b|\bcancel|\bterminated\b|流失|取消|终止|结束/
const meanWords = /\baverage\b|\bavg\b|\bmean\b|\bper (row|record|usage|subscription)\b|平均|每条|每次|每笔|每个订阅/
const shareWords = /\brate\b|\bshare\b|\bpercent|\bproportion\b|\bratio\b|\bhow many\b|比例|比率|占比|率|多少/

/** Names a catalog entry goes by, lower case, with a unit in brackets and a "(total)"/"average" wrapper dropped. */
function plain(names: string[]): string[] {
  return names.map((n) => n.toLowerCase().replace(/\s*[(（][^)）]*[)）]\s*/g, ' ').replace(/^(average|avg|mean|平均)\s*/, '').replace(/\s*(合计|\(total\))$/, '').trim()).filter((n) => n.length > 1)
}

// Names the customer-level catalog already answers to: a detail field called the same is only read with its rows named.
function customerNames(catalog: DataCatalog): Set<string> {
  const out = new Set<string>()
  for (const d of catalog.dimensions) for (const n of plain([d.name.en, d.name.zh, ...d.synonyms.en, ...d.synonyms.zh])) out.add(n)
  for (const m of catalog.measures) for (const n of plain([m.name.en, m.name.zh, ...m.synonyms.en, ...m.synonyms.zh])) out.add(n)
  return out
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// Every place a source or field name occurs; longest first, overlapping shorter ones dropped.
function mentionsIn(text: string, sources: DetailSourceDef[]): Mention[] {
  const found: Mention[] = []
  const scan = (names: string[], make: (start: number, end: number) => Mention) => {
    for (const n of names) {
      const re = /[\p{Script=Han}]/u.test(n) ? new RegExp(escape(n), 'g') : new RegExp(`\\b${escape(n)}s?\\b`, 'g')
      for (const m of text.matchAll(re)) found.push(make(m.index, m.index + m[0].length))
    }
  }
  for (const s of sources) {
    scan(plain([s.name.en, s.name.zh, ...s.synonyms.en, ...s.synonyms.zh]), (start, end) => ({ start, end, source: s }))
    for (const f of s.fields) scan(plain([f.name.en, f.name.zh, ...f.synonyms.en, ...f.synonyms.zh]), (start, end) => ({ start, end, source: s, field: f }))
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Mention[] = []
  for (const m of found) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m)
  return kept.sort((a, b) => a.start - b.start)
}

/**
 * Questions about the kept child rows themselves ("which feature gets used the most", "average
 * usage per record for churned accounts vs others", "share of subscriptions that churned with vs
 * without auto-renew", "total MRR of the subscriptions that churned"): one detail_summary call.
 * It answers only when the rows are named, or a field the customer-level catalog does not also
 * have; and not when a period is asked (the rows are summarised over all the data).
 */
export function planDetailCalls(n: Normalised, catalog: DataCatalog): ToolCall[] | undefined {
  const sources = catalog.details ?? []
  if (!sources.length) return undefined
  const text = n.text
  const time = parseTime(text, n.cased, { asOf: catalog.meta.asOf, dataStart: catalog.dataStart })
  if (time.period || time.grain || time.future || time.outOfRange) return undefined
  const mentions = mentionsIn(text, sources)
  if (!mentions.length) return undefined
  const taken = customerNames(catalog)
  const distinct = (m: Mention) => m.field && !plain([m.field.name.en, m.field.name.zh, ...m.field.synonyms.en, ...m.field.synonyms.zh]).some((x) => taken.has(x))
  // The source: the one named, else the one owning a field only the rows have.
  const named = mentions.find((m) => !m.field)?.source
  const source = named ?? mentions.find(distinct)?.source
  if (!source) return undefined
  const fields = mentions.filter((m) => m.source === source && m.field).map((m) => m.field!)
  const measure = fields.find((f) => f.kind === 'number')
  const by = fields.find((f) => f.kind !== 'number')
  if (!measure && !by) return undefined
  const byStatus = churnedCustomers.test(text)
  const rowChurn = !byStatus && source.hasEnded && churnWords.test(text)
  const focus = rowChurn && (by || (!measure && shareWords.test(text))) ? 'ended_share' : measure ? (meanWords.test(text) ? 'mean' : 'total') : 'rows'
  return [{
    toolName: 'detail_summary',
    input: {
      source: source.id,
      ...(measure ? { measure: measure.id } : {}),
      ...(by ? { by: by.id } : {}),
      ...(byStatus ? { byStatus: true } : {}),
      ...(rowChurn && focus !== 'ended_share' ? { byEnded: true } : {}),
      focus,
      language: n.lang,
    },
  }]
}
