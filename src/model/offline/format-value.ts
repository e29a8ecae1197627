import type { Unit } from '../../catalog/types.js'
import { addDays } from '../../time/dates.js'
import { groupedNumber } from '../../chart/grouped-number.js'
import type { PeriodName } from '../../catalog/period.js'

type Lang = 'en' | 'zh'
const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', CNY: '¥', JPY: '¥' }
const grouped = (v: number, digits: number) => groupedNumber(v, digits)

/** A value as a manager reads it: 4.1%, 1,234, $12,345, 14.3 months / 14.3个月, 3.21×. */
export function formatValue(v: number | null | undefined, unit: Unit | string, currency: string, lang: Lang): string {
  if (v === null || v === undefined) return lang === 'zh' ? '无数据' : 'n/a'
  switch (unit) {
    case 'percent': return `${grouped(v, Math.abs(v) < 1 && v !== 0 ? 2 : 1)}%`
    case 'count': return grouped(Math.round(v), 0)
    case 'currency': {
      const s = grouped(v, Math.abs(v) >= 1000 ? 0 : 2)
      return symbols[currency] ? `${v < 0 ? '-' : ''}${symbols[currency]}${s.replace('-', '')}` : `${s} ${currency}`
    }
    case 'months': return lang === 'zh' ? `${grouped(v, 1)}个月` : `${grouped(v, 1)} months`
    case 'hours': return lang === 'zh' ? `${grouped(v, 1)}小时` : `${grouped(v, 1)} hours`
    case 'ratio': return `${grouped(v, 2)}×`
    case 'score': return grouped(v, 1)
    default: return grouped(v, 2)
  }
}

/** A change between periods: "+0.4 pp" for rates, otherwise in the metric's own unit. */
export function formatChange(change: number, unit: Unit | string, currency: string, lang: Lang): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±'
  if (unit === 'percent') return lang === 'zh' ? `${sign}${grouped(Math.abs(change), 1)}个百分点` : `${sign}${grouped(Math.abs(change), 1)} pp`
  return `${sign}${formatValue(Math.abs(change), unit, currency, lang)}`
}

/** A period's name in the answer's language, from its typed name (no English text translated back). */
export function periodName(p: { from: string; to: string; label: string; name?: PeriodName }, lang: Lang): string {
  const n = p.name
  if (!n || n.kind === 'range') return p.label
  if (n.kind === 'window') return lang === 'zh' ? '数据的流失观察期' : "the data's churn window"
  const zh: Record<string, string> = {
    last_month: p.label, this_month: `${p.label.replace(' (to date)', '')}（截至目前）`, last_quarter: p.label, this_quarter: `${p.label.replace(' (to date)', '')}（截至目前）`, last_year: p.label,
    this_year: `${p.label.replace(' (to date)', '')}（截至目前）`, last_n_months: `过去${n.n}个月`, last_n_days: `过去${n.n}天`, last_n_quarters: `过去${n.n}个季度`, all_time: '全部时间',
  }
  if (lang === 'zh') return zh[n.relative] ?? p.label
  return p.label
}

/** A period label with its dates, in the answer's language: "2026-Q3 (2026-07-01 – 2026-09-30)", "过去12个月（…）". */
export function formatPeriod(p: { from: string; to: string; label: string; name?: PeriodName }, lang: Lang): string {
  const dates = `${p.from} – ${addDays(p.to, -1)}`
  const label = periodName(p, lang)
  if (label === dates) return dates
  return lang === 'zh' ? `${label}（${dates}）` : `${label} (${dates})`
}
