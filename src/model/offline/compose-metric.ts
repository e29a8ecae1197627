import type { ChurnDefinition } from '../../catalog/churn-definition.js'
import type { Coverage, PeriodAdjustment, RateReading } from '../../catalog/coverage.js'
import type { DataCatalog } from '../../catalog/data-catalog.js'
import { findMetric } from '../../catalog/metrics.js'
import type { PeriodName } from '../../catalog/period.js'
import type { Unit } from '../../catalog/types.js'
import { valueLabel } from '../../catalog/value-label.js'
import { addDays } from '../../time/dates.js'
import { formatChange, formatPeriod, formatValue } from './format-value.js'
import { adjustmentText, definitionText, groupText, readingText } from './metric-wording.js'

type Lang = 'en' | 'zh'
type Row = Record<string, unknown> & { value: number | null; period?: string; reason?: string }
/** The parts of query_metric's output the answer reads. */
export type MetricOutput = {
  metric: { id: string; name: { en: string; zh: string }; unit: Unit; formula: string; higherIsBetter: boolean; bucketsAddUp?: boolean }
  period: { from: string; to: string; label: string; name?: PeriodName }
  grain?: string
  by: string[]
  where?: Record<string, string[]>
  names?: Record<string, { en: string; zh: string }>
  churn?: ChurnDefinition
  coverage?: Coverage
  adjustments?: PeriodAdjustment[]
  reading?: RateReading
  /** Over all the data (asked without a period, dated data): customers and those who ever churned, per segment. */
  wholeSpan?: { from: string; to: string; rows: Array<{ groups: string[]; customers: number; churned: number }> }
  /** Over all the data (a count or amount asked without a period): its total and parts. */
  spanTotal?: { period: { from: string; to: string; label: string }; value: number | null; parts: Record<string, number> }
  headline: { value: number | null; reason?: string; parts?: Record<string, number>; previous: { period: string; value: number | null } | null; change: number | null }
  rows: Row[]
  ranking?: { highest: { segment: string; value: number | null }; lowest: { segment: string; value: number | null } } | null
  currency: string
  definition: string
  chart: unknown
}

/** Rows listed in full up to this many; beyond it the top and bottom are listed. */
const LIST_ROWS = 12

/** The answer for a query_metric result: key numbers, the period, what stands out, the definition. */
export function composeMetric(o: MetricOutput, lang: Lang, catalog: DataCatalog): string {
  const dimName = (id: string) => catalog.dimensions.find((d) => d.id === id)?.name[lang] ?? o.names?.[id]?.[lang] ?? id
  const fmt = (v: number | null | undefined) => formatValue(v, o.metric.unit, o.currency, lang)
  const group = groupText(o.where, catalog, lang, o.names)
  const name = group ? (lang === 'zh' ? `${o.metric.name.zh}（${group}）` : `${o.metric.name.en} (${group})`) : o.metric.name[lang]
  const period = formatPeriod(o.period, lang)
  const lines: string[] = []
  const overall = o.headline.value === null ? null : fmt(o.headline.value)
  const segLabel = (r: Row) => o.by.map((d) => valueLabel(catalog.dimensions.find((x) => x.id === d), String(r[d]), lang)).join(' / ')
  if (o.grain) {
    const series = o.by.length ? o.rows.filter((r) => r.period === o.rows.at(-1)?.period) : o.rows
    if (o.by.length) {
      lines.push(lang === 'zh' ? `${name}，${period}，${grainZh(o.grain)}，最近一期（${o.rows.at(-1)?.period}）：${list(series, segLabel, fmt, lang)}。` : `${name} by ${o.grain}, ${period}; latest ${o.grain} (${o.rows.at(-1)?.period}): ${list(series, segLabel, fmt, lang)}.`)
    } else {
      lines.push(lang === 'zh' ? `${name}，${period}，${grainZh(o.grain)}：${list(o.rows, (r) => String(r.period), fmt, lang, false)}。` : `${name} by ${o.grain}, ${period}: ${list(o.rows, (r) => String(r.period), fmt, lang, false)}.`)
      const valued = o.rows.filter((r) => r.value !== null)
      if (valued.length >= 2) {
        const hi = valued.reduce((a, b) => (b.value! > a.value! ? b : a))
        const lo = valued.reduce((a, b) => (b.value! < a.value! ? b : a))
        const first = valued[0]
        const last = valued.at(-1)!
        lines.push(lang === 'zh'
          ? `最高在${hi.period}（${fmt(hi.value)}），最低在${lo.period}（${fmt(lo.value)}）；从${first.period}的${fmt(first.value)}到${last.period}的${fmt(last.value)}。`
          : `Highest in ${hi.period} (${fmt(hi.value)}), lowest in ${lo.period} (${fmt(lo.value)}); from ${fmt(first.value)} in ${first.period} to ${fmt(last.value)} in ${last.period}.`)
      }
    }
    const sum = o.metric.bucketsAddUp && !o.by.length ? o.rows.reduce((a, r) => a + (r.value ?? 0), 0) : null
    // Money lost month by month adds up; the whole period read from its first and last month would leave out who joined and left in between.
    if (sum !== null) lines.push(lang === 'zh' ? `各期合计：${fmt(sum)}。` : `Total of the ${o.rows.length} ${o.grain}s: ${fmt(sum)}.`)
    else if (overall) lines.push(lang === 'zh' ? `整个期间：${overall}。` : `Over the whole period: ${overall}.`)
  } else if (o.by.length) {
    const dims = o.by.map(dimName).join(lang === 'zh' ? '和' : ' and ')
    // A head count split one way is a composition: each row also gives its share of the whole ("what share of churners were…").
    const total = o.headline.value ?? 0
    const shareOfAll = o.metric.unit === 'count' && o.by.length === 1 && total > 0 && !o.where?.[o.by[0]]
    const fmtRow = shareOfAll ? (v: number | null | undefined) => (v === null || v === undefined ? fmt(v) : (lang === 'zh' ? `${fmt(v)}（${formatValue((100 * v) / total, 'percent', '', lang)}）` : `${fmt(v)} (${formatValue((100 * v) / total, 'percent', '', lang)})`)) : fmt
    // Several groups read best as a compact table (every surface renders Markdown tables); two fit in a sentence.
    if (o.rows.length >= 3) {
      lines.push(lang === 'zh' ? `按${dims}的${name}，${period}：` : `${name} by ${dims}, ${period}:`)
      // Blank lines around it: Markdown ends a table only at an empty line.
      lines.push(`\n${table(o.rows, o.by.map(dimName), o.metric.name[lang], segLabel, fmtRow)}\n`)
    } else lines.push(lang === 'zh' ? `按${dims}的${name}，${period}：${list(o.rows, segLabel, fmtRow, lang)}。` : `${name} by ${dims}, ${period}: ${list(o.rows, segLabel, fmtRow, lang)}.`)
    const valued = o.rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!)
    if (o.ranking && valued.length >= 2) {
      const [h, l] = [valued[0], valued.at(-1)!]
      lines.push(lang === 'zh' ? `最高：${segLabel(h)}（${fmt(h.value)}）；最低：${segLabel(l)}（${fmt(l.value)}）。` : `Highest: ${segLabel(h)} (${fmt(h.value)}); lowest: ${segLabel(l)} (${fmt(l.value)}).`)
    }
    // Two groups of a rate (men vs women, with vs without): the gap between them is what a manager asks next.
    if (valued.length === 2 && o.metric.unit === 'percent') {
      const gap = formatValue(valued[0].value! - valued[1].value!, 'score', '', lang)
      lines.push(lang === 'zh'
        ? `${segLabel(valued[0])}比${segLabel(valued[1])}高${gap}个百分点。`
        : `${segLabel(valued[0])} is ${gap} percentage points higher than ${segLabel(valued[1])}.`)
    }
    if (overall) lines.push(lang === 'zh' ? `整体：${overall}${changeText(o, lang)}。` : `Overall: ${overall}${changeText(o, lang)}.`)
  } else if (overall) {
    const reading = readingText(o.reading, o.headline.parts, o.period, lang)
    const parts = reading ? '' : partsText(o, lang)
    lines.push(lang === 'zh' ? `${period}的${name}：${overall}${parts}${changeText(o, lang)}。` : `${name}, ${period}: ${overall}${parts}${changeText(o, lang)}.`)
    if (reading) lines.push(reading)
    const share = revenueShare(o, lang)
    if (share) lines.push(share)
  } else {
    const why = o.headline.reason ?? (lang === 'zh' ? '该期间没有数据' : 'there is no data for that period')
    lines.push(lang === 'zh' ? `${period}的${name}无法计算：${why}。` : `There is no ${name.toLowerCase()} for ${period}: ${why}.`)
  }
  const span = wholeSpanText(o, lang, catalog)
  if (span) lines.push(span)
  const total = spanTotalText(o, lang)
  if (total) lines.push(total)
  const adjusted = adjustmentText(o.adjustments, o.coverage, lang)
  if (adjusted) lines.push(adjusted)
  const def = definitionText({ ...o.metric, formulaZh: findMetric(o.metric.id)?.formulaZh }, o.reading, o.churn, o.coverage, lang)
  lines.push(def + (o.chart ? (lang === 'zh' ? '（已附图表）' : ' Chart attached.') : ''))
  return lines.join('\n')
}

// What a value is made of, in words a manager knows; parts without a label are left out.
const partLabels: Record<string, { en: string; zh: string }> = {
  churned: { en: 'churned', zh: '流失' }, active_start: { en: 'active at the start', zh: '期初活跃' }, active_end: { en: 'active at the end', zh: '期末活跃' },
  new: { en: 'new', zh: '新增' }, reactivated: { en: 'reactivated', zh: '回流' },
  churned_voluntary: { en: 'voluntary', zh: '主动流失' }, churned_involuntary: { en: 'involuntary (e.g. failed payment)', zh: '被动流失（如扣款失败）' },
  start_mrr: { en: 'MRR at the start', zh: '期初MRR' }, end_mrr: { en: 'MRR at the end', zh: '期末MRR' }, churned_mrr: { en: 'churned MRR', zh: '流失MRR' },
  contraction_mrr: { en: 'contraction', zh: '收缩' }, expansion_mrr: { en: 'expansion', zh: '扩展' }, paying_end: { en: 'paying customers at the end', zh: '期末付费客户' },
  event_customers: { en: 'customers with an event', zh: '涉及客户' }, reactivation_events: { en: 'marked as reactivations', zh: '标记为回流' },
  flagged: { en: 'flagged', zh: '被标记' }, customers_in_data: { en: 'customers in the data', zh: '数据中的客户' },
  refunds: { en: 'refunded in total', zh: '退款合计' }, refunded_events: { en: 'events with a refund', zh: '有退款的事件' },
  responses: { en: 'answers', zh: '回答数' }, promoters: { en: 'promoters', zh: '推荐者' }, detractors: { en: 'detractors', zh: '贬损者' },
}

// "Over all the data (…): 600 (…)": a count or amount that adds up, over every day the data covers.
function spanTotalText(o: MetricOutput, lang: Lang): string {
  const t = o.spanTotal
  if (!t || t.value === null) return ''
  const parts = partsText({ ...o, headline: { ...o.headline, parts: t.parts } }, lang)
  const value = formatValue(t.value, o.metric.unit, o.currency, lang)
  const span = `${t.period.from} – ${addDays(t.period.to, -1)}`
  return lang === 'zh' ? `放眼全部数据（${span}）：${value}${parts}。` : `Over all the data (${span}): ${value}${parts}.`
}

function partsText(o: MetricOutput, lang: Lang): string {
  // On a snapshot the file's count splits into those who churned and those still there; "active at the start" means nothing.
  if (o.metric.id === 'active_customers' && o.coverage?.kind === 'snapshot' && o.headline.parts) {
    const p = o.headline.parts
    const n = (v: number | undefined) => formatValue(v ?? 0, 'count', '', lang)
    const still = (o.headline.value ?? 0) - (p.churned ?? 0)
    return lang === 'zh' ? `（其中流失 ${n(p.churned)}，期末仍在网 ${n(still)}）` : ` (churned ${n(p.churned)}, still customers at the end ${n(still)})`
  }
  const entries = Object.entries(o.headline.parts ?? {}).filter(([k]) => partLabels[k])
  if (!entries.length) return ''
  const shown = entries.map(([k, v]) => `${partLabels[k][lang]} ${formatValue(v, k.endsWith('_mrr') || k === 'refunds' ? 'currency' : 'count', o.currency, lang)}`)
  return lang === 'zh' ? `（${shown.join('，')}）` : ` (${shown.join(', ')})`
}

function changeText(o: MetricOutput, lang: Lang): string {
  const { change, previous } = o.headline
  if (change === null || !previous || previous.value === null) return ''
  const prev = formatValue(previous.value, o.metric.unit, o.currency, lang)
  const c = formatChange(change, o.metric.unit, o.currency, lang)
  return lang === 'zh' ? `，较上一期（${previous.period}，${prev}）${c}` : `, ${c} vs ${previous.period} (${prev})`
}

// Segments ordered by value (largest first); long lists keep the top and bottom.
function list(rows: Row[], label: (r: Row) => string, fmt: (v: number | null) => string, lang: Lang, sort = true): string {
  const ordered = sort ? [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)) : rows
  const shown = ordered.length > LIST_ROWS ? [...ordered.slice(0, 5), null, ...ordered.slice(-2)] : ordered
  const sep = lang === 'zh' ? '，' : ', '
  return shown.map((r) => (r ? `${label(r)} ${fmt(r.value)}` : '…')).join(sep)
}

// Segments as a Markdown table, largest first; long lists keep the top and bottom with a "…" row between.
function table(rows: Row[], dimNames: string[], valueName: string, label: (r: Row) => string, fmt: (v: number | null) => string): string {
  const ordered = [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity))
  const shown = ordered.length > LIST_ROWS ? [...ordered.slice(0, 5), null, ...ordered.slice(-2)] : ordered
  const cell = (s: string) => s.replace(/\|/g, '\\|')
  return [
    `| ${dimNames.map(cell).join(' / ')} | ${cell(valueName)} |`,
    '| --- | ---: |',
    ...shown.map((r) => (r ? `| ${cell(label(r))} | ${fmt(r.value)} |` : '| … | |')),
  ].join('\n')
}

function grainZh(g: string): string {
  return ({ day: '按天', week: '按周', month: '按月', quarter: '按季度', year: '按年' } as Record<string, string>)[g] ?? g
}

// Churned MRR alone does not say how much it matters: give its share of the revenue it came from.
function revenueShare(o: MetricOutput, lang: Lang): string {
  if (o.metric.id !== 'churned_mrr' || o.headline.value === null) return ''
  const p = o.headline.parts ?? {}
  const snapshot = o.coverage?.kind === 'snapshot'
  const base = snapshot ? p.present_mrr : p.start_mrr
  if (!base) return ''
  const share = formatValue((100 * o.headline.value) / base, 'percent', '', lang)
  const total = formatValue(base, 'currency', o.currency, lang)
  return snapshot
    ? (lang === 'zh' ? `占全部客户月收入（${total}）的${share}。` : `That is ${share} of all customers' monthly revenue (${total}).`)
    : (lang === 'zh' ? `占期初MRR（${total}）的${share}。` : `That is ${share} of the MRR at the start (${total}).`)
}

// The whole span beside the windowed figure: "Over all the data (…): of the 500 customers, 352 (70.4%) have churned at least once."
function wholeSpanText(o: MetricOutput, lang: Lang, catalog: DataCatalog): string {
  const w = o.wholeSpan
  if (!w?.rows.length) return ''
  const n = (v: number) => formatValue(v, 'count', '', lang)
  const pct = (a: number, b: number) => formatValue(b > 0 ? (100 * a) / b : 0, 'percent', '', lang)
  const span = `${w.from} – ${w.to}`
  if (w.rows.length === 1 && !w.rows[0].groups.length) {
    const r = w.rows[0]
    // The data's own churn flag beside its churn events: say plainly how far the two signals agree.
    const flagged = Object.keys(o.where ?? {}).some((d) => d.startsWith('churn_flag'))
    if (flagged) {
      return lang === 'zh'
        ? `数据自带的流失标记共标记了${n(r.customers)}个客户，其中只有${n(r.churned)}个有流失记录（${pct(r.churned, r.customers)}），另外${n(r.customers - r.churned)}个被标记却没有流失记录：两种口径不一致。`
        : `The data's own churn flag marks ${n(r.customers)} customers; only ${n(r.churned)} of them (${pct(r.churned, r.customers)}) have a churn event, and ${n(r.customers - r.churned)} are flagged without one: the two signals disagree.`
    }
    return lang === 'zh'
      ? `放眼全部数据（${span}）：${n(r.customers)}个客户中有${n(r.churned)}个至少流失过一次（${pct(r.churned, r.customers)}）。`
      : `Over all the data (${span}): of the ${n(r.customers)} customers, ${n(r.churned)} (${pct(r.churned, r.customers)}) have churned at least once.`
  }
  const dims = o.by.map((id) => catalog.dimensions.find((d) => d.id === id))
  const label = (r: { groups: string[] }) => r.groups.map((g, i) => valueLabel(dims[i], g, lang)).join(' / ')
  const items = [...w.rows].sort((a, b) => b.churned / Math.max(1, b.customers) - a.churned / Math.max(1, a.customers)).slice(0, LIST_ROWS)
    .map((r) => (lang === 'zh' ? `${label(r)} ${pct(r.churned, r.customers)}（${n(r.churned)}/${n(r.customers)}）` : `${label(r)} ${pct(r.churned, r.customers)} (${n(r.churned)} of ${n(r.customers)})`))
  return lang === 'zh'
    ? `放眼全部数据（${span}），至少流失过一次的客户占比：${items.join('，')}。`
    : `Over all the data (${span}), share of customers who have churned at least once: ${items.join(', ')}.`
}
