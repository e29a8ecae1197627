import type { BandEdge, MeasureDef } from './measure.js'
/** Words a term goes by, per language; the offline analyst's vocabulary and the LLM's descriptions both read them. */
export type Bilingual = { en: string; zh: string }
export type Synonyms = { en: string[]; zh: string[] }

/** Time grains a metric can be bucketed by. */
export const grains = ['day', 'week', 'month', 'quarter', 'year'] as const
export type Grain = (typeof grains)[number]

/** Units drive formatting and chart axes. */
export type Unit = 'count' | 'percent' | 'currency' | 'months' | 'ratio' | 'hours' | 'score' | 'per_customer'

/** Where a dimension's value comes from. */
export type DimensionSource =
  | { kind: 'column'; column: 'plan' | 'region' | 'channel' | 'industry' | 'company_size' }
  | { kind: 'attribute' }
  /** A numeric attribute cut into bands at query time ("age band", "balance over 100k"); never stored. */
  | { kind: 'band'; measure: MeasureDef; edges: BandEdge[]; labels: string[]; asOf: string }

/** A segment dimension (plan, region, contract, …) that metrics can be grouped and filtered by. */
export type DimensionDef = {
  id: string
  source: DimensionSource
  name: Bilingual
  synonyms: Synonyms
  /** Other names a stored value goes by, e.g. { "North America": { zh: ["北美"] } }. */
  values: Record<string, Partial<Synonyms> & { label?: Partial<Bilingual> }>
  description: string
  /** Display names of stored values per language (Germany → 德国, Yes → 是). */
  labels?: Record<string, Partial<Bilingual>>
  /** The values are yes/no (with perhaps a "no internet service"-style third one). */
  yesNo?: boolean
  /**
   * The dimension records the churn outcome itself (see outcomeKinds): usable to count and filter by,
   * never a factor that explains or predicts churn (profiles, risk models).
   */
  outcome?: OutcomeKind
}

/** How an outcome dimension relates to churn: a customer status (Stayed / Churned / Joined), or the data's own churn-reason category. */
export const outcomeKinds = ['status', 'reason_category'] as const
/** One of outcomeKinds. */
export type OutcomeKind = (typeof outcomeKinds)[number]

/** A churn reason category: stored reason codes and the feedback classifier share these ids. */
export type ReasonDef = {
  id: string
  name: Bilingual
  /** Whole words / phrases that signal this reason in feedback text, per language. */
  keywords: Synonyms
}
