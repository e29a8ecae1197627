import type { DataCatalog } from './data-catalog.js'
import { isYesNoDimension } from './yes-no.js'

const isYesNo = (catalog: DataCatalog, id: string) => isYesNoDimension((catalog.values[id] ?? []).map((v) => v.value))

/**
 * Questions this data set can answer, built from what it holds: a trend only on dated data, "why" only
 * where there are stated reasons (otherwise what sets churners apart), its own segments, yes/no traits
 * and numeric attributes, and revenue only when there is revenue.
 */
export function starterQuestions(catalog: DataCatalog, lang: 'en' | 'zh'): string[] {
  const dated = catalog.coverage.kind === 'dated'
  const reasons = catalog.counts.feedback > 0
  const revenue = catalog.counts.mrr_history > 0
  const segments = catalog.dimensions.filter((d) => !d.outcome && !isYesNo(catalog, d.id) && (catalog.values[d.id]?.length ?? 0) >= 2 && (catalog.values[d.id]?.length ?? 0) <= 12)
  const by = segments[0] ?? catalog.dimensions[0]
  const second = segments[1]
  const trait = catalog.dimensions.find((d) => isYesNo(catalog, d.id))
  const attribute = catalog.measures.find((m) => m.source.kind === 'stored')
  const out: string[] = []
  if (lang === 'zh') {
    out.push(dated ? '最近12个月的客户流失率趋势如何？' : '整体流失率是多少？')
    if (by) out.push(dated ? `上个季度按${by.name.zh}的流失率是多少？` : `按${by.name.zh}的流失率是多少？`)
    out.push(reasons ? '客户为什么流失？主要原因是什么？' : '流失客户和留存客户有什么区别？')
    if (trait) out.push(`${trait.name.zh}对流失有影响吗？`)
    if (attribute) out.push(`流失客户和留存客户的平均${attribute.name.zh}各是多少？`)
    if (second) out.push(`哪个${second.name.zh}流失最严重？`)
    if (revenue) out.push(dated ? '今年的净收入留存率是多少？' : '流失客户带走了多少月收入？')
    if (reasons) out.push('流失客户和留存客户有什么区别？')
  } else {
    out.push(dated ? 'Show monthly churn rate for the last 12 months' : 'What is our overall churn rate?')
    if (by) out.push(dated ? `What was our churn rate last quarter by ${by.name.en.toLowerCase()}?` : `What is our churn rate by ${by.name.en.toLowerCase()}?`)
    out.push(reasons ? 'Why are customers leaving?' : 'What sets churned customers apart from those who stayed?')
    if (trait) out.push(`Does ${trait.name.en.toLowerCase()} affect churn?`)
    if (attribute) out.push(`Average ${attribute.name.en.toLowerCase()} of churned vs retained customers?`)
    if (second) out.push(`Which ${second.name.en.toLowerCase()} churns most?`)
    if (revenue) out.push(dated ? 'What is our net revenue retention this year?' : 'How much monthly revenue did we lose to churn?')
    if (reasons) out.push('How do churned customers differ from the ones who stayed?')
  }
  return [...new Set(out)].slice(0, 6)
}
