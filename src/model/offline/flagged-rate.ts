import type { DataCatalog } from '../../catalog/data-catalog.js'
import { isYesValue } from '../../catalog/yes-no.js'
import type { ToolCall } from './build-calls.js'

type FilterInput = Array<{ dimension: string; values: string[] }>

/** The data's own churn flag (imported as a churn_flag dimension beside churn events) and its yes value. */
export function churnFlagOf(catalog: DataCatalog): { id: string; yes: string } | undefined {
  if (catalog.metricsWithoutData?.some((x) => x.metric === 'flagged_churn_rate')) return undefined
  const flag = catalog.dimensions.find((d) => d.id.startsWith('churn_flag'))
  const yes = flag && (catalog.values[flag.id] ?? []).map((v) => v.value).find(isYesValue)
  return flag && yes ? { id: flag.id, yes } : undefined
}

/**
 * "For accounts flagged as churned, what's the rate by industry?": on data whose churn comes from events, a churn
 * rate asked of the flagged accounts is the rate by the data's own flag — the share of each group it marks —
 * not the event churn of the flagged. The flag leaves the breakdown and the filters; the rest of the call stays,
 * and without a period the undated flag is read over all the data.
 */
export function flaggedRateCall(call: ToolCall, catalog: DataCatalog): ToolCall {
  const input = call.input as { metric?: string; by?: string[]; filters?: FilterInput; period?: unknown; grain?: string }
  if (call.toolName !== 'query_metric' || input.metric !== 'churn_rate' || input.grain) return call
  const flag = churnFlagOf(catalog)
  if (!flag) return call
  const named = (input.by ?? []).includes(flag.id) || (input.filters ?? []).some((f) => f.dimension === flag.id && f.values.includes(flag.yes))
  if (!named) return call
  const by = (input.by ?? []).filter((d) => d !== flag.id)
  const filters = (input.filters ?? []).filter((f) => f.dimension !== flag.id)
  const { by: _by, filters: _filters, ...rest } = input
  return {
    toolName: call.toolName,
    input: { ...rest, metric: 'flagged_churn_rate', ...(by.length ? { by } : {}), ...(filters.length ? { filters } : {}), period: input.period ?? { relative: 'all_time' } },
  }
}
