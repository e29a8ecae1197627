import { findMetric } from '../../catalog/metrics.js'
import { describeChurnDefinition } from '../../catalog/churn-definition.js'

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
  const formula = lang === 'zh' ? (findMetric(metric.id)?.formulaZh ?? metric.formula) : metric.formula
  const churn = toolDefinition ? churnDefinition(toolDefinition, lang) : ''
  const parts = [formula, churn].filter(Boolean)
  return lang === 'zh' ? `口径：${parts.join('；')}。` : `Definition: ${parts.join('; ')}.`
}
