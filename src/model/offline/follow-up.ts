import type { ToolCall } from './build-calls.js'
import { isModifierOnly, type Filters, type Meaning } from './meaning.js'

type FilterInput = Array<{ dimension: string; values: string[] }>

/**
 * Follow-ups reuse the previous question's tool input, read from the conversation history:
 * "And by region?" swaps the breakdown, "what about last year?" / "去年呢？" the period,
 * "How about Europe?" / "只看欧洲" the filter of that dimension. Returns undefined when the
 * question stands on its own.
 */
export function followUpCalls(meanings: Meaning[], previous: ToolCall[], yesOf: (dim: string) => string | undefined = () => undefined): ToolCall[] | undefined {
  if (!previous.length || meanings.length !== 1) return undefined
  const m = onlyTheYesSide(meanings[0], yesOf)
  if (!isModifierOnly(m) || m.unknownWords.length || m.unknownValues.length) return undefined
  const calls = previous
    .filter((c) => c.toolName !== 'describe_data')
    .filter((c) => !m.by.length || c.toolName === 'query_metric' || c.toolName === 'measure_summary')
    .map((c) => modify(c, m))
  return calls.length ? calls : undefined
}

/**
 * "And only the accounts flagged as churned?": "only" with a yes/no trait keeps its yes side as a filter; the
 * previous breakdown stays.
 */
function onlyTheYesSide(m: Meaning, yesOf: (dim: string) => string | undefined): Meaning {
  if (!m.roles.has('only') || !m.by.length) return m
  const yes = m.by.map((d) => [d, yesOf(d)] as const)
  if (yes.some(([, v]) => !v)) return m
  return { ...m, by: [], filters: { ...m.filters, ...Object.fromEntries(yes.map(([d, v]) => [d, [v as string]])) } }
}

/** A new request that leaves out context the previous question gave ("Why?" after "churn last month"). */
export function inheritContext(m: Meaning, previous: ToolCall[]): Meaning {
  if (!previous.length || !(m.followup || m.elliptical)) return m
  const prev = previous.find((c) => c.toolName === 'query_metric') ?? previous[0]
  const input = prev.input as { period?: Meaning['period']; filters?: FilterInput; by?: string[] }
  const out = { ...m }
  if (!out.period && input.period) out.period = input.period
  if (out.intent !== 'compare' && !Object.keys(out.filters).length && input.filters) out.filters = toFilters(input.filters)
  if (out.intent === 'metric' && m.followup && !out.by.length && input.by) out.by = input.by
  return out
}

function modify(call: ToolCall, m: Meaning): ToolCall {
  const input: Record<string, unknown> = structuredClone(call.input)
  if (m.period) input.period = m.period
  if (Object.keys(m.filters).length) {
    const merged = { ...toFilters((input.filters as FilterInput | undefined) ?? []), ...m.filters }
    if (call.toolName === 'compare_segments') {
      for (const k of ['a', 'b'] as const) {
        const sideInput = input[k] as { filters?: FilterInput } | undefined
        if (sideInput) sideInput.filters = toList({ ...toFilters(sideInput.filters ?? []), ...m.filters })
      }
    } else input.filters = toList(merged)
  }
  // "Average satisfaction of churners? — And by contract type?": the same summary per segment.
  if (call.toolName === 'measure_summary' && m.by.length) input.by = m.by.slice(0, 1)
  if (call.toolName === 'query_metric') {
    // "Churn by age band — and by gender?": the new breakdown replaces the previous one, bands included.
    if (m.by.length && !m.band) delete input.bands
    if (m.by.length) input.by = m.by
    // "Churn for customers under 30? — And for those 65 or older?": the new cut replaces the previous breakdown.
    if (m.band) {
      input.bands = [{ measure: m.band.measure, ...(m.band.edges.length ? { edges: m.band.edges } : {}) }]
      if (!m.by.length) delete input.by
    }
    if (m.grain) input.grain = m.grain
    else if (m.trend && !input.grain) input.grain = 'month'
  }
  return { toolName: call.toolName, input }
}

function toFilters(list: FilterInput): Filters {
  const out: Filters = {}
  for (const f of list) out[f.dimension] = [...(out[f.dimension] ?? []), ...f.values]
  return out
}

function toList(f: Filters): FilterInput {
  return Object.entries(f).map(([dimension, values]) => ({ dimension, values }))
}
