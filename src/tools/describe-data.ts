import { tool } from 'ai'
import { z } from 'zod'
import { reasons } from '../catalog/reasons.js'
import { describeChurnDefinition } from '../query/spells.js'
import { languageSchema } from './schemas.js'
import type { ToolDeps } from './tool-deps.js'
import { starterQuestions } from '../catalog/starter-questions.js'

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

/** Starter questions built from what this data set holds (see starterQuestions). */
export function suggestions(deps: ToolDeps, lang: 'en' | 'zh'): string[] {
  return starterQuestions(deps.catalog, lang)
}
