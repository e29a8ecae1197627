import type { DataCatalog } from '../../catalog/data-catalog.js'
import type { Filters, Meaning, Side } from './meaning.js'
import { isYesNoDimension, isYesValue } from '../../catalog/yes-no.js'

/** A tool call the analyst makes: the tool's name and its input, exactly as the tool's schema takes it. */
export type ToolCall = { toolName: string; input: Record<string, unknown> }

const filterList = (f: Filters) => Object.entries(f).map(([dimension, values]) => ({ dimension, values }))
const withFilters = (f: Filters) => (Object.keys(f).length ? { filters: filterList(f) } : {})
const side = (s: Side) => ({ ...(s.status ? { status: s.status } : {}), ...withFilters(s.filters) })

/** The tool calls that answer one understood request. */
export function buildCalls(m: Meaning, catalog: DataCatalog, lang: 'en' | 'zh'): ToolCall[] {
  const period = m.period ? { period: m.period } : {}
  switch (m.intent) {
    case 'describe':
      return [{ toolName: 'describe_data', input: { language: lang } }]
    case 'reasons': {
      // The data's own churn category is what the reasons answer splits churners by: no filter or split on it.
      const own = new Set(catalog.dimensions.filter((d) => d.outcome === 'reason_category').map((d) => d.id))
      const r = { ...m, by: m.by.filter((d) => !own.has(d)), filters: Object.fromEntries(Object.entries(m.filters).filter(([d]) => !own.has(d))) }
      return perValue(r, catalog).map((filters) => ({ toolName: 'churn_reasons', input: { ...period, ...withFilters(filters), language: lang } }))
    }
    case 'feedback':
      return m.keywords.length
        ? [{ toolName: 'search_feedback', input: { keywords: m.keywords, ...withFilters(m.filters), ...period, ...(m.churnedOnly ? { churnedOnly: true } : {}), language: lang } }]
        // Without a topic: what churned customers said is why they left; otherwise what all feedback is about.
        : [{ toolName: 'churn_reasons', input: { ...period, ...withFilters(m.filters), ...(m.churnedOnly ? {} : { source: 'all_feedback' }), language: lang } }]
    case 'compare': {
      const [a, b] = m.sides!
      return [{ toolName: 'compare_segments', input: { a: side(a), ...(b ? { b: side(b) } : {}), ...period, language: lang } }]
    }
    case 'measure': {
      // An attribute of customers (age, tickets filed, spend) on dated data compares those who ever churned with
      // those who never did unless a period is asked: the last 12 months would drop most of the churners.
      const measurePeriod = m.period ? period : catalog.coverage.kind === 'dated' ? { period: { relative: 'all_time' } } : {}
      // "the attrition rate and the average age of those who left": a metric named beside the average is asked too.
      // "流失客户的平均在网时长和平均月费": each attribute named is summarised (at most three).
      return [...(m.metricsNamed ? m.metrics.filter((id) => !(id === 'churned_customers' && m.roles.has('churned'))).map((metric) => metricCall(metric, { ...m, by: [] }, catalog, lang)) : []),
        ...m.measures.slice(0, 3).map((measure) => ({
          toolName: 'measure_summary',
          input: {
            measure, ...(m.by.length ? { by: m.by.slice(0, 1) } : {}),
            ...(m.roles.has('churned') || m.roles.has('retained') || m.roles.has('lose') || m.roles.has('compare') || m.sides ? { byStatus: true } : {}),
            ...withFilters(m.filters), ...measurePeriod, language: lang,
          },
        }))]
    }
    case 'metric':
    case 'none': {
      const metrics = m.metrics.length ? m.metrics : ['churn_rate']
      // "Online backup and device protection, with and without": two yes/no traits are two breakdowns, not a cross-table.
      const traits = m.by.length === 2 && !m.band && m.by.every((d) => isYesNoDimension((catalog.values[d] ?? []).map((v) => v.value)))
      if (traits) return metrics.flatMap((metric) => m.by.map((d) => metricCall(metric, { ...m, by: [d] }, catalog, lang)))
      return [...metrics.map((metric) => metricCall(metric, m, catalog, lang)), ...flaggedToo(metrics, m, catalog, lang)]
    }
  }
}

/**
 * "How many accounts have churned?" on data whose own churn flag (imported as the churn_flag dimension) disagrees
 * with its churn events: the flagged accounts are counted beside, so the answer shows both and where they differ.
 */
function flaggedToo(metrics: string[], m: Meaning, catalog: DataCatalog, lang: 'en' | 'zh'): ToolCall[] {
  const flag = catalog.dimensions.find((d) => d.id.startsWith('churn_flag'))
  const yes = flag && (catalog.values[flag.id] ?? []).map((v) => v.value).find(isYesValue)
  const plain = !m.by.length && !m.band && !m.period && !m.grain && !Object.keys(m.filters).length
  if (!flag || !yes || !plain || !metrics.some((id) => id === 'churned_customers' || id === 'churn_rate')) return []
  return [metricCall('churned_customers', { ...m, filters: { [flag.id]: [yes] } }, catalog, lang)]
}

/** Reasons take no breakdown: "reasons by plan" asks once per value of the first dimension (when it has a few). */
const MAX_SPLIT = 6
function perValue(m: Meaning, catalog: DataCatalog): Filters[] {
  const dim = m.by[0]
  const values = dim ? (catalog.values[dim] ?? []).map((v) => v.value) : []
  if (!dim || !values.length || values.length > MAX_SPLIT || m.filters[dim]) return [m.filters]
  return values.map((v) => ({ ...m.filters, [dim]: [v] }))
}

function metricCall(metric: string, m: Meaning, catalog: DataCatalog, lang: 'en' | 'zh'): ToolCall {
  const def = catalog.metrics.find((x) => x.id === metric)
  const grains: readonly string[] = def?.grains ?? []
  let grain: string | undefined = m.grain ?? (m.trend ? 'month' : undefined)
  // Revenue metrics are monthly snapshots: a weekly or daily trend becomes monthly.
  if (grain && !grains.includes(grain)) grain = grains.includes('month') ? 'month' : undefined
  if (def?.kind === 'cohort') grain = undefined
  // A snapshot file has no dates: "monthly charges" is not a trend; an explicit trend is asked and refused by the tool.
  if (catalog.coverage.kind === 'snapshot' && !m.roles.has('trend') && !m.roles.has('by')) grain = undefined
  // A yearly trend over the default 12 months would be one bar: show every year of the data instead.
  const period = m.period ?? (grain === 'year' ? { relative: 'all_time' } : undefined)
  return {
    toolName: 'query_metric',
    input: {
      metric,
      ...(period ? { period } : {}),
      ...(grain ? { grain } : {}),
      ...(m.by.length && def?.kind !== 'cohort' ? { by: m.by.slice(0, m.band ? 1 : 2) } : {}),
      ...(m.band ? bandInput(m.band, m.by.length > 0) : {}),
      ...withFilters(m.filters),
      language: lang,
    },
  }
}

// A band with one cut and a breakdown by a dimension reads as a filter ("by contract, for customers over $70");
// otherwise both sides of every cut are shown, so the figure asked for is there with what it compares to.
function bandInput(band: NonNullable<Meaning['band']>, hasBy: boolean): Record<string, unknown> {
  if (hasBy && band.edges.length === 1) {
    const e = band.edges[0]
    return { thresholds: [{ measure: band.measure, op: e.equalBelow ? '>' : '>=', value: e.at }] }
  }
  return { bands: [{ measure: band.measure, ...(band.edges.length ? { edges: band.edges } : {}) }] }
}
