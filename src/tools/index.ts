import { describeDataTool } from './describe-data.js'
import { queryMetricTool } from './query-metric.js'
import type { ToolDeps } from './tool-deps.js'

/** The tool set every model gets, keyed by the names models call. */
export function createTools(deps: ToolDeps) {
  return {
    query_metric: queryMetricTool(deps),
    describe_data: describeDataTool(deps),
  }
}
