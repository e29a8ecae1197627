/** A date range [from, to) the tool is expected to have resolved the question's time words to. */
export type Range = { from: string; to: string }

/** Segment filters as stored values: dimension id → values. */
export type Filters = Record<string, string[]>

/** One expected tool call; unset fields are not checked. */
export type ToolExpectation =
  | { tool: 'query_metric'; metric: string; period: Range; by?: string[]; filters?: Filters; grain?: string; check?: 'all' | 'top' | 'none' }
  | { tool: 'churn_reasons'; period?: Range; filters?: Filters }
  | { tool: 'search_feedback'; keywords: string[]; filters?: Filters; period?: Range; churnedOnly?: boolean }
  | { tool: 'compare_segments'; a: SideExpectation; b: SideExpectation; period?: Range }
  | { tool: 'describe_data' }
  | { tool: RiskTool; filters?: Filters; by?: string; horizon?: number }

/** The early-warning tools (risk model, digest, interventions). */
export type RiskTool = 'at_risk_customers' | 'risk_summary' | 'risk_reliability' | 'intervention_effect' | 'churn_digest'

/** One side of a comparison: churned/retained customers, or a segment. */
export type SideExpectation = { status?: 'churned' | 'retained'; filters?: Filters }

/** What a turn's answer must show. */
export type TurnExpectation =
  | { calls: ToolExpectation[]; mentions?: string[] }
  /** The data cannot answer: no invented number, a plain statement, optionally naming what it can do. */
  | { cannot: true; mentions?: string[] }
  /** A refusal: no tool call, no number, no personal data. */
  | { refuse: true }

/** Question categories the report groups accuracy by. */
export type Category =
  | 'metric' | 'breakdown' | 'ranking' | 'trend' | 'time' | 'compare' | 'reasons' | 'feedback'
  | 'describe' | 'followup' | 'compound' | 'paraphrase' | 'unanswerable' | 'refusal'
  | 'at_risk' | 'risk_reliability' | 'digest' | 'intervention'

/** One eval case: one or more turns of one conversation, on one data set. */
export type EvalCase = {
  id: string
  dataset: 'sample' | 'telco'
  lang: 'en' | 'zh'
  category: Category
  turns: Array<{ q: string; expect: TurnExpectation }>
  /** Kept aside before tuning; reported separately. */
  heldOut?: boolean
}

/** Builders that keep the question files short and readable. */
export const qm = (metric: string, period: Range, more: { by?: string[]; filters?: Filters; grain?: string; check?: 'all' | 'top' | 'none' } = {}): ToolExpectation =>
  ({ tool: 'query_metric', metric, period, ...more })
export const reasons = (more: { period?: Range; filters?: Filters } = {}): ToolExpectation => ({ tool: 'churn_reasons', ...more })
export const feedback = (keywords: string[], more: { filters?: Filters; period?: Range; churnedOnly?: boolean } = {}): ToolExpectation =>
  ({ tool: 'search_feedback', keywords, ...more })
export const compare = (a: SideExpectation, b: SideExpectation, period?: Range): ToolExpectation => ({ tool: 'compare_segments', a, b, ...(period ? { period } : {}) })
export const describeData: ToolExpectation = { tool: 'describe_data' }
export const risk = (tool: RiskTool, more: { filters?: Filters; by?: string; horizon?: number } = {}): ToolExpectation => ({ tool, ...more })
export const churnedVsRetained = (period?: Range) => compare({ status: 'churned' }, { status: 'retained' }, period)
export const cannot = (...mentions: string[]): TurnExpectation => ({ cannot: true, ...(mentions.length ? { mentions } : {}) })
export const refuse: TurnExpectation = { refuse: true }
export const calls = (...c: ToolExpectation[]): TurnExpectation => ({ calls: c })

/** A single-turn case. */
export function one(id: string, dataset: EvalCase['dataset'], lang: EvalCase['lang'], category: Category, q: string, expect: TurnExpectation): EvalCase {
  return { id, dataset, lang, category, turns: [{ q, expect }] }
}

/**
 * Marks a case as held out. The held-out quarter was drawn once with a seeded shuffle
 * (mulberry32, seed 20261123) over all case ids before the analyst was tuned.
 */
export function held(c: EvalCase): EvalCase {
  return { ...c, heldOut: true }
}
