import { describeChurnDefinition, type ChurnDefinition } from '../../catalog/churn-definition.js'
import type { Coverage, PeriodAdjustment, RateReading } from '../../catalog/coverage.js'
import type { DataCatalog } from '../../catalog/data-catalog.js'
import { valueLabel } from '../../catalog/value-label.js'
import { addDays } from '../../time/dates.js'
import { formatValue } from './format-value.js'

type Lang = 'en' | 'zh'
const span = (from: string, to: string) => `${from} – ${addDays(to, -1)}`

/** The group an answer counted, in words: "Internet service = Fiber optic, Contract = Month-to-month"; empty for everyone. */
export function groupText(where: Record<string, string[]> | undefined, catalog: DataCatalog, lang: Lang, names?: Record<string, { en: string; zh: string }>): string {
  const parts = Object.entries(where ?? {}).map(([id, values]) => {
    const d = catalog.dimensions.find((x) => x.id === id)
    const shown = values.map((v) => valueLabel(d, v, lang)).join(lang === 'zh' ? '或' : ' or ')
    const name = d?.name[lang] ?? names?.[id]?.[lang]?.replace(/ band$|分段$/, '') ?? id
    return `${name}${lang === 'zh' ? '：' : d ? ' = ' : ' '}${shown}`
  })
  return parts.join(lang === 'zh' ? '，' : ', ')
}

/** How a churn-type rate was read, with the counts behind it, in the answer's language. */
export function readingText(reading: RateReading | undefined, parts: Record<string, number> | undefined, period: { from: string; to: string }, lang: Lang): string {
  if (!reading || !parts) return ''
  const n = (v: number | undefined) => formatValue(v ?? 0, 'count', '', lang)
  const pct = (a: number, b: number) => formatValue(b > 0 ? (100 * a) / b : 0, 'percent', '', lang)
  const all = (parts.active_start ?? 0) + (parts.new ?? 0)
  switch (reading.kind) {
    case 'snapshot_share':
      return lang === 'zh'
        ? `文件中共${n(all)}个客户，其中${n(parts.churned)}个流失（${pct(parts.churned ?? 0, all)}）。`
        : `Of the ${n(all)} customers in the file, ${n(parts.churned)} churned (${pct(parts.churned ?? 0, all)}).`
    case 'average_monthly': {
      const last = addDays(period.to, -1)
      return lang === 'zh'
        ? `这是${reading.months}个月月度流失率的平均值；按期初口径：${period.from}活跃的${n(parts.active_start)}个客户中，到${last}有${n(parts.churned_from_start)}个已流失（${pct(parts.churned_from_start ?? 0, parts.active_start ?? 0)}）。`
        : `That is the average of ${reading.months} monthly rates; of the ${n(parts.active_start)} customers active on ${period.from}, ${n(parts.churned_from_start)} (${pct(parts.churned_from_start ?? 0, parts.active_start ?? 0)}) had left by ${last}.`
    }
    case 'single_period':
      return lang === 'zh'
        ? `${period.from}活跃的${n(parts.active_start)}个客户中，${n(parts.churned_from_start)}个在期内流失。`
        : `Of the ${n(parts.active_start)} customers active on ${period.from}, ${n(parts.churned_from_start)} left in the period.`
  }
}

/** The definition line: the formula as this answer read it, then the churn definition, both in the answer's language. */
export function definitionText(metric: { id: string; formula: string; formulaZh?: string }, reading: RateReading | undefined, churn: ChurnDefinition | undefined, coverage: Coverage | undefined, lang: Lang): string {
  let formula = lang === 'zh' ? (metric.formulaZh ?? metric.formula) : metric.formula
  if (reading?.kind === 'snapshot_share' && coverage) {
    formula = lang === 'zh'
      ? `流失客户 ÷ 文件中的全部客户（快照数据：每个客户一行，流失观察期 ${span(coverage.from, coverage.to)}）`
      : `churned ÷ all customers in the file (a snapshot: one row per customer, churn observed in ${span(coverage.from, coverage.to)})`
  } else if (metric.id === 'active_customers' && coverage?.kind === 'snapshot') {
    formula = lang === 'zh'
      ? `文件中的全部客户（快照数据：每个客户一行，含流失观察期 ${span(coverage.from, coverage.to)} 内流失的客户）`
      : `every customer in the file (a snapshot: one row per customer, including those who churned in ${span(coverage.from, coverage.to)})`
  } else if (reading?.kind === 'average_monthly') {
    formula = lang === 'zh'
      ? `${reading.months}个月月度流失率的平均（每月：月初活跃客户中当月流失的 ÷ 月初活跃客户）`
      : `the average of ${reading.months} monthly churn rates (each: customers active on the 1st who left that month ÷ customers active on the 1st)`
  } else if (reading?.kind === 'single_period') {
    formula = lang === 'zh' ? '期初活跃客户中期内流失的 ÷ 期初活跃客户数 × 100%' : 'customers active at the start who left in the period ÷ customers active at the start × 100%'
  }
  const parts = [formula, churn ? describeChurnDefinition(churn, lang) : ''].filter(Boolean)
  return lang === 'zh' ? `口径：${parts.join('；')}。` : `Definition: ${parts.join('; ')}.`
}

/** Why the period differs from what was asked, in the answer's language. */
export function adjustmentText(adjustments: PeriodAdjustment[] | undefined, coverage: Coverage | undefined, lang: Lang): string {
  const out: string[] = []
  for (const a of adjustments ?? []) {
    if (a.kind === 'snapshot_window' && a.asked && coverage) {
      out.push(lang === 'zh'
        ? `这份快照数据只记录了 ${span(coverage.from, coverage.to)} 的流失，所以按这一段回答（所问：${span(a.asked.from, a.asked.to)}）。`
        : `This snapshot observes churn only in ${span(coverage.from, coverage.to)}, so that is the period answered (you asked for ${span(a.asked.from, a.asked.to)}).`)
    }
    if (a.kind === 'clipped' && coverage) {
      out.push(lang === 'zh'
        ? `数据只覆盖 ${span(coverage.from, coverage.to)}，所以只按其中有数据的部分回答（所问：${span(a.asked.from, a.asked.to)}）。`
        : `The data covers ${span(coverage.from, coverage.to)} only, so this answers the covered part (you asked for ${span(a.asked.from, a.asked.to)}).`)
    }
  }
  return out.join(' ')
}
