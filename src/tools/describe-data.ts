import { tool } from 'ai'
import { z } from 'zod'
import { reasons } from '../catalog/reasons.js'
import { describeChurnDefinition } from '../query/spells.js'
import { languageSchema } from './schemas.js'
import type { ToolDeps } from './tool-deps.js'

/** Values listed per dimension; the rest are counted, not listed (keeps the result compact). */
const MAX_VALUES = 15

/** describe_data: what the assistant can answer — metrics, dimensions and values, date range, row counts. */
export function describeDataTool(deps: ToolDeps) {
  return tool({
    description: 'List the metrics, segment dimensions with their values, the date range, the churn definition and row counts of the loaded data — what questions can be answered.',
    inputSchema: z.object({ language: languageSchema }),
    execute: async (input) => describeData(deps, input.language ?? 'en'),
  })
}

/** Builds the describe_data result. */
export function describeData(deps: ToolDeps, lang: 'en' | 'zh' = 'en') {
  const c = deps.catalog
  return {
    kind: 'description' as const,
    company: c.meta.companyName,
    source: c.meta.source,
    period: { from: c.dataStart, to: c.meta.asOf, label: `${c.dataStart} – ${c.meta.asOf}` },
    asOf: c.meta.asOf,
    currency: c.meta.currency,
    definition: describeChurnDefinition(deps.churn, lang),
    counts: c.counts,
    metrics: c.metrics.map((m) => ({ id: m.id, name: m.name[lang], unit: m.unit })),
    dimensions: c.dimensions.map((d) => {
      const values = c.values[d.id] ?? []
      return {
        id: d.id,
        name: d.name[lang],
        values: values.slice(0, MAX_VALUES).map((v) => v.value),
        ...(values.length > MAX_VALUES ? { moreValues: values.length - MAX_VALUES } : {}),
      }
    }),
    reasons: [...reasons.map((r) => ({ id: r.id, name: r.name[lang] })), { id: 'other', name: lang === 'zh' ? '其他' : 'Other' }],
    suggestions: suggestions(deps, lang),
    sql: [] as string[],
    rowCount: c.dimensions.length,
    chart: null,
  }
}

/** Starter questions that use this data set's own dimensions. */
export function suggestions(deps: ToolDeps, lang: 'en' | 'zh'): string[] {
  const dims = deps.catalog.dimensions
  const d0 = dims[0]
  const d1 = dims[1] ?? dims[0]
  if (lang === 'zh') {
    return [
      '最近12个月的客户流失率趋势如何？',
      d0 ? `上个季度按${d0.name.zh}的流失率是多少？` : '上个季度的流失率是多少？',
      '客户为什么流失？主要原因是什么？',
      d1 ? `哪个${d1.name.zh}流失最严重？` : '流失客户和留存客户有什么区别？',
      '流失客户和留存客户有什么区别？',
      '净收入留存率是多少？',
    ]
  }
  return [
    'Show monthly churn rate for the last 12 months',
    d0 ? `What was our churn rate last quarter by ${d0.name.en.toLowerCase()}?` : 'What was our churn rate last quarter?',
    'Why are customers leaving?',
    d1 ? `Which ${d1.name.en.toLowerCase()} churns most?` : 'How do churned customers differ from retained ones?',
    'How do churned customers differ from the ones who stayed?',
    'What is our net revenue retention this year?',
  ]
}
