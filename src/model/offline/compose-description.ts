import { formatValue } from './format-value.js'

type Lang = 'en' | 'zh'
/** The parts of describe_data's output the answer reads. */
export type DescriptionOutput = {
  company?: string
  source: string
  period: { from: string; to: string; label: string }
  asOf: string
  definition: string
  counts: Record<string, number>
  metrics: Array<{ id: string; name: string }>
  dimensions: Array<{ id: string; name: string; values: string[]; moreValues?: number }>
  suggestions: string[]
}

/** What the data holds and what can be asked, from describe_data. */
export function composeDescription(o: DescriptionOutput, lang: Lang): string {
  const n = (v: number | undefined) => formatValue(v ?? 0, 'count', '', lang)
  const dims = o.dimensions.map((d) => `${d.name} (${d.values.slice(0, 6).join(', ')}${d.values.length > 6 || d.moreValues ? ', …' : ''})`)
  const metrics = o.metrics.map((m) => m.name)
  const c = o.counts
  if (lang === 'zh') {
    return [
      `${o.company || '公司'}的数据（来源：${o.source}），覆盖 ${o.period.from} 至 ${o.asOf}（截至日）：${n(c.customers)}个客户、${n(c.churn_events)}次流失、${n(c.feedback)}条反馈、${n(c.tickets)}张工单。`,
      `指标：${metrics.join('、')}。`,
      `可按这些维度分组或筛选：${dims.join('；')}。`,
      `流失口径：${o.definition}。`,
      `可以这样问：${o.suggestions.slice(0, 4).map((s) => `“${s}”`).join('、')}`,
    ].join('\n')
  }
  return [
    `${o.company || 'The company'}'s data (source: ${o.source}), from ${o.period.from} to ${o.asOf} (the as-of date): ${n(c.customers)} customers, ${n(c.churn_events)} churns, ${n(c.feedback)} feedback texts, ${n(c.tickets)} support tickets.`,
    `Metrics: ${metrics.join(', ')}.`,
    `Segments to break down or filter by: ${dims.join('; ')}.`,
    `Churn definition: ${o.definition}.`,
    `You could ask: ${o.suggestions.slice(0, 4).map((s) => `“${s}”`).join(', ')}`,
  ].join('\n')
}
