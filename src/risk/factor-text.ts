import type { DataCatalog } from '../catalog/data-catalog.js'
import type { FactorFacts } from './explain.js'
import type { FeatureColumn } from './design.js'

type Lang = 'en' | 'zh'
const pct = (x: number) => `${Math.round(Math.abs(x) * 100)}%`
const n1 = (x: number) => (Math.round(x * 10) / 10).toString()

/** A dimension value's name in the language (the first Chinese synonym, else the stored value). */
export function valueName(catalog: DataCatalog, dim: string, value: string, lang: Lang): string {
  if (lang === 'en') return value
  return catalog.dimensions.find((d) => d.id === dim)?.values[value]?.zh?.[0] ?? value
}

/** One risk factor in plain words, from its facts. */
export function factorText(f: FactorFacts, catalog: DataCatalog, lang: Lang, currency = 'USD'): string {
  const zh = lang === 'zh'
  switch (f.kind) {
    case 'tenure': return zh ? (f.months < 3 ? `新客户（仅 ${f.months} 个月）` : `客户时长 ${f.months} 个月`) : f.months < 3 ? `new customer (${f.months} month${f.months === 1 ? '' : 's'})` : `${f.months} months as a customer`
    case 'mrr_level': return zh ? `月度经常性收入较低（${Math.round(f.mrr)} ${currency}）` : `small account (MRR ${Math.round(f.mrr)} ${currency})`
    case 'mrr_change': return f.change < 0
      ? (zh ? `近3个月MRR下降${pct(f.change)}` : `MRR down ${pct(f.change)} over the last 3 months`)
      : (zh ? '近3个月席位/MRR有缩减' : 'seats or MRR contracted in the last 3 months')
    case 'engagement': {
      const parts: string[] = []
      if (f.loginChange !== null && f.loginChange < -0.05) parts.push(zh ? `近3个月登录次数比之前6个月下降${pct(f.loginChange)}` : `logins down ${pct(f.loginChange)} vs the 6 months before`)
      if (f.loginsPerMonth !== null) parts.push(zh ? `月均登录 ${Math.round(f.loginsPerMonth)} 次` : `${Math.round(f.loginsPerMonth)} logins a month`)
      if (f.loginsPerSeat !== null) parts.push(zh ? `每个活跃席位 ${n1(f.loginsPerSeat)} 次` : `${n1(f.loginsPerSeat)} per active seat`)
      return (zh ? '使用度低：' : 'low engagement: ') + parts.join(zh ? '，' : ', ')
    }
    case 'inactivity': return zh ? `已 ${f.months} 个月没有使用` : `no activity for ${f.months} months`
    case 'tickets': return zh ? `近3个月 ${f.last3Months} 张工单${f.open ? `（${f.open} 张未解决）` : ''}` : `${f.last3Months} support ticket${f.last3Months === 1 ? '' : 's'} in the last 3 months${f.open ? ` (${f.open} open)` : ''}`
    case 'billing': return zh ? `近3个月 ${f.last3Months} 张账单类工单` : `${f.last3Months} billing ticket${f.last3Months === 1 ? '' : 's'} in the last 3 months`
    case 'resolution': return f.hours === null ? (zh ? '工单迟迟未解决' : 'tickets still unresolved') : zh ? `工单平均解决时长 ${Math.round(f.hours)} 小时` : `tickets took ${Math.round(f.hours)} h to resolve on average`
    case 'nps': return f.score === null ? (zh ? '没有NPS评分' : 'no NPS answer') : zh ? `最近一次NPS评分 ${f.score}${f.score <= 6 ? '（贬损者）' : ''}` : `last NPS score ${f.score}${f.score <= 6 ? ' (detractor)' : ''}`
    case 'review': return zh ? '最近给出低分评价' : 'recent low review rating'
    case 'reactivated': return zh ? '曾流失后回流' : 'came back after churning before'
    case 'segment': {
      const d = catalog.dimensions.find((x) => x.id === f.dimension)
      const name = d?.name[lang] ?? f.dimension
      const rel = f.relativeRate !== null && f.relativeRate > 1.1 ? f.relativeRate : null
      if (zh) return `${name}为${valueName(catalog, f.dimension, f.value, lang)}（${rel ? `近几个月该群体流失率是整体的 ${rel.toFixed(1)} 倍` : '流失较高的群体'}）`
      return `${name}: ${f.value} (${rel ? `this segment churned ${rel.toFixed(1)}× the overall rate in recent months` : 'a higher-churn segment'})`
    }
    case 'measure': return `${f.name} = ${f.value === null ? '—' : n1(f.value)}`
  }
}

/** A model column's name in plain words ("Plan = Starter", "login trend"), for the list of drivers. */
export function columnName(c: FeatureColumn, catalog: DataCatalog, lang: Lang): string {
  if (c.kind === 'level') {
    const d = catalog.dimensions.find((x) => x.id === c.dim)
    return `${d?.name[lang] ?? c.dim} = ${valueName(catalog, c.dim, c.value, lang)}`
  }
  if (c.id.startsWith('measure:')) return c.id.slice(8)
  if (c.id.startsWith('segrate:')) {
    const d = catalog.dimensions.find((x) => x.id === c.id.slice(8))
    return lang === 'zh' ? `${d?.name.zh ?? c.id.slice(8)}近期流失率` : `recent churn of the customer's ${d?.name.en ?? c.id.slice(8)}`
  }
  return (lang === 'zh' ? numericNamesZh : numericNamesEn)[c.id] ?? c.id
}

const numericNamesEn: Record<string, string> = {
  tenure_months: 'tenure (months)', new_customer: 'first 3 months', tenure_over_12: 'over 12 months as a customer', log_mrr: 'MRR (log)',
  mrr_change_3m: 'MRR change over 3 months', contraction_3m: 'recent contraction', logins_3m: 'logins, last 3 months', login_trend: 'login trend (last 3 vs 6 months before)',
  logins_per_seat: 'logins per active seat', feature_use_trend: 'key-feature use trend', months_inactive: 'months without activity', tickets_3m: 'tickets, last 3 months',
  billing_tickets_3m: 'billing tickets, last 3 months', resolution_hours_6m: 'hours to resolve tickets', open_tickets: 'open tickets', nps_last: 'last NPS score',
  nps_detractor: 'NPS detractor', low_review: 'low review', reactivated: 'reactivated customer',
}
const numericNamesZh: Record<string, string> = {
  tenure_months: '客户时长（月）', new_customer: '前3个月新客户', tenure_over_12: '客户超过12个月', log_mrr: 'MRR（对数）',
  mrr_change_3m: '近3个月MRR变化', contraction_3m: '近期缩减', logins_3m: '近3个月登录', login_trend: '登录趋势（近3个月对比之前6个月）',
  logins_per_seat: '每活跃席位登录', feature_use_trend: '核心功能使用趋势', months_inactive: '无使用月数', tickets_3m: '近3个月工单',
  billing_tickets_3m: '近3个月账单工单', resolution_hours_6m: '工单解决时长', open_tickets: '未解决工单', nps_last: '最近NPS评分',
  nps_detractor: 'NPS贬损者', low_review: '低分评价', reactivated: '回流客户',
}
