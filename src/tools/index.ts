import { atRiskCustomersTool } from './at-risk-customers.js'
import { churnDigestTool } from './churn-digest.js'
import { churnReasonsTool } from './churn-reasons.js'
import { compareSegmentsTool } from './compare-segments.js'
import { describeDataTool } from './describe-data.js'
import { detailSummaryTool } from './detail-summary.js'
import { interventionEffectTool } from './intervention-effect.js'
import { measureSummaryTool } from './measure-summary.js'
import { queryMetricTool } from './query-metric.js'
import { riskReliabilityTool } from './risk-reliability.js'
import { riskSummaryTool } from './risk-summary.js'
import { searchFeedbackTool } from './search-feedback.js'
import type { ToolDeps } from './tool-deps.js'

/** The tool set every model gets, keyed by the names models call. */
export function createTools(deps: ToolDeps) {
  return {
    query_metric: queryMetricTool(deps),
    describe_data: describeDataTool(deps),
    compare_segments: compareSegmentsTool(deps),
    churn_reasons: churnReasonsTool(deps),
    search_feedback: searchFeedbackTool(deps),
    at_risk_customers: atRiskCustomersTool(deps),
    risk_summary: riskSummaryTool(deps),
    risk_reliability: riskReliabilityTool(deps),
    intervention_effect: interventionEffectTool(deps),
    churn_digest: churnDigestTool(deps),
    measure_summary: measureSummaryTool(deps),
    detail_summary: detailSummaryTool(deps),
  }
}

/** The tool set's type, for typed tool results in chat handlers. */
export type Tools = ReturnType<typeof createTools>
