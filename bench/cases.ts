import { metrics } from '../src/catalog/metrics.js'
import type { MetricRequest } from '../src/tools/metrics-service.js'
import type { ChurnReasonsInput } from '../src/tools/churn-reasons.js'
import type { CompareSegmentsInput } from '../src/tools/compare-segments.js'
import type { SearchFeedbackInput } from '../src/tools/search-feedback.js'
import type { QueryMetricInput } from '../src/tools/query-metric.js'

/** Every catalog metric once (last quarter by plan, or its cohort matrix), plus the trend shapes managers ask for most. */
export const catalogCases: Array<[string, MetricRequest]> = [
  ...metrics.map((m): [string, MetricRequest] =>
    ('kind' in m && m.kind === 'cohort') ? [`${m.id}, 12 monthly cohorts`, { metric: m.id, period: 'last_n_months', n: 12 }] : [`${m.id} by plan, last quarter`, { metric: m.id, period: 'last_quarter', by: 'plan' }]),
  ['churn_rate by month, 12 months', { metric: 'churn_rate', period: 'last_n_months', n: 12, grain: 'month' }],
  ['churn_rate by month × plan × region, 12 months', { metric: 'churn_rate', period: 'last_n_months', n: 12, grain: 'month', by: 'plan,region' }],
  ['churn_rate by contract (attribute), last quarter', { metric: 'churn_rate', period: 'last_quarter', by: 'contract' }],
  ['net_revenue_retention by quarter, 2 years', { metric: 'net_revenue_retention', period: 'last_n_quarters', n: 8, grain: 'quarter' }],
]

/** One call of each tool as a model makes it. */
export type ToolCase =
  | { name: string; tool: 'query_metric'; input: QueryMetricInput }
  | { name: string; tool: 'compare_segments'; input: CompareSegmentsInput }
  | { name: string; tool: 'churn_reasons'; input: ChurnReasonsInput }
  | { name: string; tool: 'search_feedback'; input: SearchFeedbackInput }
  | { name: string; tool: 'describe_data'; input: Record<string, never> }

export const toolCases: ToolCase[] = [
  { name: 'query_metric churn_rate by plan, last quarter (+ previous period)', tool: 'query_metric', input: { metric: 'churn_rate', period: { relative: 'last_quarter' }, by: ['plan'] } },
  { name: 'compare_segments churned vs retained, last quarter', tool: 'compare_segments', input: { a: { status: 'churned' }, b: { status: 'retained' }, period: { relative: 'last_quarter' } } },
  { name: 'compare_segments APAC vs the rest, last quarter', tool: 'compare_segments', input: { a: { filters: [{ dimension: 'region', values: ['APAC'] }] }, period: { relative: 'last_quarter' } } },
  { name: 'churn_reasons, last quarter', tool: 'churn_reasons', input: { period: { relative: 'last_quarter' } } },
  { name: 'churn_reasons all feedback, last year', tool: 'churn_reasons', input: { period: { relative: 'last_year' }, source: 'all_feedback' } },
  { name: 'search_feedback "price" (expanded, en+zh)', tool: 'search_feedback', input: { keywords: ['price'] } },
  { name: 'search_feedback "耐心"', tool: 'search_feedback', input: { keywords: ['耐心'], language: 'zh' } },
  { name: 'search_feedback "slow support", churned only', tool: 'search_feedback', input: { keywords: ['slow support'], churnedOnly: true } },
  { name: 'describe_data', tool: 'describe_data', input: {} },
]

/** Questions for /api/ask with the offline analyst: metric, comparison, reasons and search, in English and Chinese. */
export const questions = [
  'What was our churn rate last quarter by plan?',
  'Compare churned and retained customers last quarter',
  'Why did customers churn last quarter?',
  'What did customers say about price?',
  '上个季度各地区的流失率是多少？',
  '客户对价格有什么反馈？',
]
