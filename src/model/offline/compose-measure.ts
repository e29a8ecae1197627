import type { Coverage, PeriodAdjustment } from '../../catalog/coverage.js'
import type { DataCatalog } from '../../catalog/data-catalog.js'
import type { PeriodName } from '../../catalog/period.js'
import { valueLabel } from '../../catalog/value-label.js'
import { formatPeriod, formatValue } from './format-value.js'
import { adjustmentText, groupText } from './metric-wording.js'

type Lang = 'en' | 'zh'
type Row = { groups: string[]; status?: 'churned' | 'retained'; n: number; mean: number | null; median: number | null; sum?: number | null }
/** The parts of measure_summary's output the answer reads. */
export type MeasureOutput = {
  measure: { id: string; name: { en: string; zh: string }; unit: string; integer: boolean }
  period: { from: string; to: string; label: string; name?: PeriodName }
  coverage?: Coverage
  adjustments?: PeriodAdjustment[]
  by: string[]
  where: Record<string, string[]>
  byStatus: boolean
  rows: Row[]
  currency: string
  chart: unknown
}

/** The answer for measure_summary: mean and median per group, with counts, the group and the period. */
export function composeMeasure(o: MeasureOutput, lang: Lang, catalog: DataCatalog): string {
  const unit = o.measure.unit === 'currency' ? 'currency' : o.measure.unit === 'months' ? 'months' : 'number'
  const fmt = (v: number | null) => (v === null ? (lang === 'zh' ? '无数据' : 'n/a') : unit === 'number' ? formatValue(v, 'ratio', '', lang).replace('×', '') : formatValue(v, unit, o.currency, lang))
  const dim = catalog.dimensions.find((d) => d.id === o.by[0])
  const status = (s?: string) => (s === 'churned' ? (lang === 'zh' ? '流失客户' : 'churned') : s === 'retained' ? (lang === 'zh' ? '留存客户' : 'retained') : '')
  const label = (r: Row) => [...r.groups.map((g) => valueLabel(dim, g, lang)), status(r.status)].filter(Boolean).join(' / ') || (lang === 'zh' ? '全部客户' : 'all customers')
  const group = groupText(o.where, catalog, lang)
  const name = o.measure.name[lang]
  const head = lang === 'zh'
    ? `${name}的平均值和中位数${group ? `（${group}）` : ''}，${formatPeriod(o.period, lang)}：`
    : `Average and median ${name.toLowerCase()}${group ? ` (${group})` : ''}, ${formatPeriod(o.period, lang)}:`
  const sorted = [...o.rows].sort((a, b) => (a.status === b.status ? (b.mean ?? 0) - (a.mean ?? 0) : a.status === 'churned' ? -1 : 1))
  const lines = sorted.map((r) => lang === 'zh'
    ? `- ${label(r)}：平均 ${fmt(r.mean)}，中位数 ${fmt(r.median)}（${formatValue(r.n, 'count', '', lang)}个客户）`
    : `- ${label(r)}: mean ${fmt(r.mean)}, median ${fmt(r.median)} (${formatValue(r.n, 'count', '', lang)} customers)`)
  // Money adds up: churners' total spend, refunds or revenue, and their share of everyone's, is what a manager weighs.
  const total = o.rows.reduce((a, r) => a + (r.sum ?? 0), 0)
  if (o.measure.unit === 'currency' && o.byStatus && total > 0) {
    for (const r of sorted.filter((x) => x.sum !== null && x.sum !== undefined)) {
      const share = formatValue((100 * r.sum!) / total, 'percent', '', lang)
      lines.push(lang === 'zh'
        ? `- ${label(r)}合计 ${fmt(r.sum!)}，占两组合计（${fmt(total)}）的${share}`
        : `- ${label(r)} in total: ${fmt(r.sum!)}, ${share} of both groups' ${fmt(total)}`)
    }
  }
  if (!o.rows.length) lines.push(lang === 'zh' ? '这个范围内没有这个字段的数据。' : 'No customer in this selection has a value for it.')
  const adjusted = adjustmentText(o.adjustments, o.coverage, lang)
  const def = lang === 'zh'
    ? `口径：期内有有效订阅的客户${o.byStatus ? '；流失 = 期内流失，留存 = 期末仍活跃' : ''}；空白值不计入。`
    : `Definition: customers with a subscription active at any time in the period${o.byStatus ? '; churned = left in the period, retained = still active at its end' : ''}; blank values are left out.`
  return [head, ...lines, adjusted, def + (o.chart ? (lang === 'zh' ? '（已附图表）' : ' Chart attached.') : '')].filter(Boolean).join('\n')
}
