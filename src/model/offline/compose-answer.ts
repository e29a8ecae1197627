import type { DataCatalog } from '../../catalog/data-catalog.js'
import { composeComparison, type ComparisonOutput } from './compose-comparison.js'
import { composeDescription, type DescriptionOutput } from './compose-description.js'
import { composeDetail, type DetailOutput } from './compose-detail.js'
import { composeError } from './compose-error.js'
import { partOfWholeLines } from './part-of-whole.js'
import { composeFeedback, type FeedbackOutput } from './compose-feedback.js'
import { composeMetric, type MetricOutput } from './compose-metric.js'
import { composeMeasure, type MeasureOutput } from './compose-measure.js'
import { composeReasons, type ReasonsOutput } from './compose-reasons.js'
import type { ToolOutcome } from './history.js'
import { composeAtRisk, composeDigest, composeEffect, composeReliability, composeRiskSummary, type AtRiskOutput, type DigestOutput, type EffectOutput, type ReliabilityOutput, type RiskSummaryOutput } from './intents/risk-compose.js'

type Lang = 'en' | 'zh'

/**
 * Writes the answer from the tool results, in the question's language: one section per tool call,
 * in the order they ran. Every number in it comes from a tool output.
 */
export function composeAnswer(outcomes: ToolOutcome[], catalog: DataCatalog, lang: Lang): string {
  const dimName = (id: string) => catalog.dimensions.find((d) => d.id === id)?.name[lang] ?? id
  const sections = outcomes.map((o) => composeOne(o, catalog, lang, dimName))
  const shares = partOfWholeLines(outcomes, lang)
  return [...sections, ...(shares.length ? [shares.join('\n')] : [])].join('\n\n')
}

function composeOne(o: ToolOutcome, catalog: DataCatalog, lang: Lang, dimName: (id: string) => string): string {
  if (o.failed !== undefined) {
    return composeError({ code: 'tool_failed', message: o.failed }, o.input, catalog, lang)
  }
  const out = o.output as { error?: { code: string; message: string; valid?: string[] }; kind?: string } | null
  if (!out || typeof out !== 'object') return composeError({ code: 'empty', message: lang === 'zh' ? '没有返回结果' : 'the tool returned nothing' }, o.input, catalog, lang)
  if (out.error) return composeError(out.error, o.input, catalog, lang)
  switch (out.kind) {
    case 'metric': return composeMetric(out as unknown as MetricOutput, lang, catalog)
    case 'measure': return composeMeasure(out as unknown as MeasureOutput, lang, catalog)
    case 'detail': return composeDetail(out as unknown as DetailOutput, lang, catalog)
    case 'cohort': return composeCohort(out as unknown as CohortOutput, lang)
    case 'comparison': return composeComparison(out as unknown as ComparisonOutput, lang, catalog, focusOf(o.input))
    case 'reasons': return composeReasons(out as unknown as ReasonsOutput, lang)
    case 'feedback': return composeFeedback(out as unknown as FeedbackOutput, lang, o.input.churnedOnly === true)
    case 'description': return composeDescription(out as unknown as DescriptionOutput, lang)
    case 'at_risk': return composeAtRisk(out as unknown as AtRiskOutput, catalog, lang)
    case 'risk_summary': return composeRiskSummary(out as unknown as RiskSummaryOutput, catalog, lang)
    case 'risk_reliability': return composeReliability(out as unknown as ReliabilityOutput, lang)
    case 'intervention_effect': return composeEffect(out as unknown as EffectOutput, lang)
    case 'digest': return composeDigest(out as unknown as DigestOutput)
    default: return composeError({ code: 'unknown_output', message: `unexpected result from ${o.toolName}` }, o.input, catalog, lang)
  }
}

// compare_segments leads with churn rate unless the call asked for specific measures.
function focusOf(input: Record<string, unknown>): string {
  const measures = input.measures as string[] | undefined
  return measures?.[0] ?? 'churn_rate'
}

type CohortOutput = { period: { label: string }; cohorts: Array<{ cohort: string; size: number; retention: Array<number | null> }>; definition: string }

// Cohort retention: the latest cohorts' retention after 1, 3 and 6 months.
function composeCohort(o: CohortOutput, lang: Lang): string {
  const at = (c: CohortOutput['cohorts'][number], k: number) => (c.retention[k] === null || c.retention[k] === undefined ? null : `${c.retention[k]!.toFixed(1)}%`)
  const lines = o.cohorts.slice(-6).map((c) => {
    const cells = [1, 3, 6].map((k) => (at(c, k) ? (lang === 'zh' ? `第${k}月 ${at(c, k)}` : `M${k} ${at(c, k)}`) : null)).filter(Boolean)
    return `- ${c.cohort} (${c.size}): ${cells.join(', ') || (lang === 'zh' ? '尚无数据' : 'too recent')}`
  })
  const head = lang === 'zh' ? `同期群留存（${o.period.label}，最近的注册月份，括号内为同期群规模）：` : `Cohort retention (${o.period.label}; latest signup months, cohort size in brackets):`
  return [head, ...lines, lang === 'zh' ? `口径：注册后第N个月末仍活跃的比例。` : `Definition: share still active at the end of month N after signup; ${o.definition}.`].join('\n')
}
