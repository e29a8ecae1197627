import type { Coverage } from '../../catalog/coverage.js'
import type { DataCatalog } from '../../catalog/data-catalog.js'
import { valueLabel } from '../../catalog/value-label.js'
import type { DetailStatsRow } from '../../catalog/detail-source.js'
import { addDays } from '../../time/dates.js'
import { formatValue } from './format-value.js'

type Lang = 'en' | 'zh'
type Names = { en: string; zh: string }
/** The parts of detail_summary's output the answer reads. */
export type DetailOutput = {
  source: { id: string; name: Names; hasEnded: boolean }
  measure: { id: string; name: Names; unit: string } | null
  by: { id: string; name: Names; kind: string } | null
  byStatus: boolean
  byEnded: boolean
  focus: 'total' | 'mean' | 'ended_share' | 'rows'
  rows: DetailStatsRow[]
  currency: string
  coverage?: Coverage
}

// Categories listed in full up to this many; beyond it the top five and the last one.
const listAll = 8

/** The answer for detail_summary: the figure asked for per group, with the rows and customers it covers, the span and the definition. */
export function composeDetail(o: DetailOutput, lang: Lang, catalog: DataCatalog): string {
  const zh = lang === 'zh'
  const rowsName = o.source.name[lang]
  const rowsWord = zh ? `条${rowsName}` : ` ${rowsName.toLowerCase()}`
  const count = (v: number) => formatValue(v, 'count', '', lang)
  const amount = (v: number | null) => (o.measure?.unit === 'currency' ? formatValue(v, 'currency', o.currency, lang) : o.measure?.unit === 'count' ? formatValue(v, 'count', '', lang) : formatValue(v, 'number', '', lang))
  const mean = (v: number | null) => (o.measure?.unit === 'currency' ? formatValue(v, 'currency', o.currency, lang) : formatValue(v, 'number', '', lang))
  const pct = (r: DetailStatsRow) => (r.endedKnown > 0 ? (100 * r.ended) / r.endedKnown : null)
  const dim = o.by ? catalog.dimensions.find((d) => d.id === o.by!.id) : undefined
  const label = (r: DetailStatsRow) => (r.group === null ? (zh ? '（空白）' : '(blank)') : valueLabel(dim, r.group, lang))
  const span = o.coverage ? `${o.coverage.from} – ${addDays(o.coverage.to, -1)}` : ''
  const scope = zh ? `全部数据${span ? `（${span}）` : ''}` : `all the data${span ? ` (${span})` : ''}`
  const measureName = o.measure?.name[lang] ?? ''
  const covers = (r: DetailStatsRow) => (zh ? `${count(r.rows)}${rowsWord}，${count(r.customers)}个客户` : `${count(r.rows)}${rowsWord}, ${count(r.customers)} customers`)
  const lines: string[] = []
  let head: string

  if (o.focus === 'ended_share') {
    head = zh
      ? `${rowsName}中已流失（结束）的比例${o.by ? `，按${o.by.name.zh}` : ''}，${scope}：`
      : `Share of ${rowsName.toLowerCase()} that churned (ended)${o.by ? `, by ${o.by.name.en.toLowerCase()}` : ''}, ${scope}:`
    const sorted = [...o.rows].sort((a, b) => (pct(b) ?? -1) - (pct(a) ?? -1))
    for (const r of sorted) {
      lines.push(zh
        ? `- ${label(r)}：${formatValue(pct(r), 'percent', '', lang)}（${count(r.endedKnown)}${rowsWord}中${count(r.ended)}条已流失）`
        : `- ${label(r)}: ${formatValue(pct(r), 'percent', '', lang)} (${count(r.ended)} of ${count(r.endedKnown)}${rowsWord} churned)`)
    }
    if (sorted.length === 2 && pct(sorted[0]) !== null && pct(sorted[1]) !== null) {
      const gap = pct(sorted[0])! - pct(sorted[1])!
      lines.push(zh ? `两者相差${formatValue(gap, 'number', '', lang)}个百分点（${label(sorted[0])}更高）。` : `The gap is ${formatValue(gap, 'number', '', lang)} percentage points (${label(sorted[0])} higher).`)
    }
  } else if (o.byEnded && o.measure) {
    const ended = o.rows.find((r) => r.endedGroup === true)
    const all = o.rows.reduce((a, r) => ({ sum: a.sum + (r.sum ?? 0), rows: a.rows + r.rows }), { sum: 0, rows: 0 })
    head = zh ? `已流失（结束）的${rowsName}的${measureName}，${scope}：` : `${measureName} of the ${rowsName.toLowerCase()} that churned (ended), ${scope}:`
    if (!ended) lines.push(zh ? `没有已流失的${rowsName}。` : `No ${rowsName.toLowerCase()} ended.`)
    else {
      const share = all.sum ? formatValue((100 * (ended.sum ?? 0)) / all.sum, 'percent', '', lang) : undefined
      lines.push(zh
        ? `- 合计 ${amount(ended.sum)}，共${count(ended.rows)}${rowsWord}（${count(ended.customers)}个客户），平均每条 ${mean(ended.mean)}`
        : `- total ${amount(ended.sum)} over ${count(ended.rows)}${rowsWord} (${count(ended.customers)} customers); ${mean(ended.mean)} per row on average`)
      lines.push(zh
        ? `- 全部${count(all.rows)}${rowsWord}合计 ${amount(all.sum)}${share ? `，已流失的占${share}` : ''}`
        : `- all ${count(all.rows)}${rowsWord}: ${amount(all.sum)} in total${share ? `; the churned ones are ${share} of it` : ''}`)
    }
  } else if (o.byStatus) {
    const name = (r: DetailStatsRow) => (r.status === 'churned' ? (zh ? '流失客户' : 'churned customers') : (zh ? '其他客户' : 'other customers'))
    head = o.measure
      ? (zh ? `每条${rowsName}的${measureName}：流失客户与其他客户，${scope}：` : `${measureName} per ${rowsName.toLowerCase().replace(/s$/, '')}, churned customers vs the others, ${scope}:`)
      : (zh ? `${rowsName}数：流失客户与其他客户，${scope}：` : `${rowsName}, churned customers vs the others, ${scope}:`)
    const sorted = [...o.rows].sort((a) => (a.status === 'churned' ? -1 : 1))
    for (const r of sorted) {
      lines.push(o.measure
        ? (zh ? `- ${name(r)}：平均每条 ${mean(r.mean)}，合计 ${amount(r.sum)}（${covers(r)}）` : `- ${name(r)}: ${mean(r.mean)} per row on average, ${amount(r.sum)} in total (${covers(r)})`)
        : (zh ? `- ${name(r)}：${covers(r)}，平均每个客户 ${formatValue(r.rows / Math.max(1, r.customers), 'number', '', lang)}条` : `- ${name(r)}: ${covers(r)}, ${formatValue(r.rows / Math.max(1, r.customers), 'number', '', lang)} per customer`))
    }
    const [a, b] = sorted
    if (o.measure && a?.mean !== null && b?.mean !== null && a && b) {
      const d = a.mean! - b.mean!
      lines.push(zh ? `差值（流失 − 其他）：${d >= 0 ? '+' : '−'}${mean(Math.abs(d))}。` : `Difference (churned − others): ${d >= 0 ? '+' : '−'}${mean(Math.abs(d))}.`)
    }
  } else {
    const value = (r: DetailStatsRow) => (o.focus === 'mean' ? r.mean : o.focus === 'rows' || !o.measure ? r.rows : r.sum) ?? -Infinity
    const figure = (r: DetailStatsRow) => (o.focus === 'mean' ? mean(r.mean) : o.focus === 'rows' || !o.measure ? count(r.rows) : amount(r.sum))
    const what = o.focus === 'mean' ? (zh ? `平均每条${measureName}` : `average ${measureName.toLowerCase()} per row`) : o.measure && o.focus !== 'rows' ? (zh ? `${measureName}合计` : `total ${measureName.toLowerCase()}`) : (zh ? `${rowsName}数` : `number of ${rowsName.toLowerCase()}`)
    head = zh ? `${o.by ? `按${o.by.name.zh}的` : ''}${what}，${scope}：` : `${what.charAt(0).toUpperCase()}${what.slice(1)}${o.by ? ` by ${o.by.name.en.toLowerCase()}` : ''}, ${scope}:`
    const sorted = [...o.rows].sort((a, b) => value(b) - value(a))
    const shown = sorted.length > listAll ? [...sorted.slice(0, 5), sorted.at(-1)!] : sorted
    shown.forEach((r, i) => {
      if (sorted.length > listAll && i === 5) lines.push(zh ? `- …（共${sorted.length}项）` : `- … (${sorted.length} in all)`)
      lines.push(o.by ? `- ${label(r)}: ${figure(r)} (${covers(r)})` : (zh ? `- ${figure(r)}（${covers(r)}）` : `- ${figure(r)} (${covers(r)})`))
    })
    if (o.by && sorted.length > 1) lines.push(zh ? `最高：${label(sorted[0])}（${figure(sorted[0])}）。` : `Highest: ${label(sorted[0])} (${figure(sorted[0])}).`)
  }
  if (!o.rows.length) lines.push(zh ? '这份数据里没有这样的记录。' : 'The data holds no such rows.')
  const def = zh
    ? `口径：${rowsName}逐条统计（每条记录计一次）${o.byStatus ? '；流失客户 = 数据中至少流失过一次的客户，其他客户 = 其余客户' : ''}${o.focus === 'ended_share' || o.byEnded ? '；已流失 = 该记录自身的流失标记或结束日期' : ''}；空白值不计入合计和平均。`
    : `Definition: each of the ${rowsName.toLowerCase()} counted once${o.byStatus ? '; churned customers = customers with at least one churn in the data, others = everyone else' : ''}${o.focus === 'ended_share' || o.byEnded ? "; churned = the row's own churn flag or end date" : ''}; blank values are left out of totals and averages.`
  return [head, ...lines, def].join('\n')
}
