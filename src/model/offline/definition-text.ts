import { describeChurnDefinition } from '../../query/spells.js'

// Chinese formulas for the metrics managers ask about most; others fall back to the catalog's English formula.
const zhFormulas: Record<string, string> = {
  churn_rate: '期内流失客户数 ÷ 期初活跃客户数 × 100%',
  retention_rate: '（期末活跃 − 期内新增 − 期内回流）÷ 期初活跃 × 100%',
  churned_customers: '期内结束订阅的客户数',
  active_customers: '期末仍有有效订阅的客户数',
  new_customers: '期内首次订阅的客户数',
  mrr: '期内最后一个月的月度经常性收入合计',
  churned_mrr: '期初有收入、期末收入为零的客户的期初MRR合计',
  gross_revenue_churn_rate: '（流失MRR + 收缩MRR）÷ 期初MRR × 100%',
  net_revenue_retention: '（期初MRR − 流失 − 收缩 + 扩展）÷ 期初MRR × 100%',
  gross_revenue_retention: '（期初MRR − 流失 − 收缩）÷ 期初MRR × 100%',
  arpa: '期末MRR ÷ 期末付费客户数',
  ltv: 'ARPA × 毛利率 ÷ 月流失率',
  nps: '（推荐者 − 贬损者）÷ 回答数 × 100',
}

/** The churn definition in the answer's language: the tool states it in English; Chinese answers restate it. */
export function churnDefinition(toolDefinition: string, lang: 'en' | 'zh'): string {
  if (lang === 'en' || /\p{Script=Han}/u.test(toolDefinition)) return toolDefinition
  if (toolDefinition.startsWith(describeChurnDefinition({ kind: 'subscription' }, 'en'))) return describeChurnDefinition({ kind: 'subscription' }, 'zh')
  const days = /no activity for (\d+) days/.exec(toolDefinition)?.[1]
  if (days) return describeChurnDefinition({ kind: 'inactivity', days: Number(days) }, 'zh')
  return toolDefinition
}

/** "Definition: <formula>; <churn definition>." in the answer's language. */
export function definitionLine(metric: { id: string; formula?: string }, toolDefinition: string | undefined, lang: 'en' | 'zh'): string {
  const formula = lang === 'zh' ? (zhFormulas[metric.id] ?? metric.formula) : metric.formula
  const churn = toolDefinition ? churnDefinition(toolDefinition, lang) : ''
  const parts = [formula, churn].filter(Boolean)
  return lang === 'zh' ? `口径：${parts.join('；')}。` : `Definition: ${parts.join('; ')}.`
}
