import type { Bilingual, Grain, Synonyms, Unit } from './types.js'

/** Groups of measures computed together by one SQL query (see src/query/families/). */
export type Family = 'flow' | 'revenue' | 'engagement' | 'tickets' | 'nps' | 'tenure' | 'acquisition' | 'events' | 'refunds' | 'flag'

/** Measures a family query returns per bucket and segment, merged by name. */
export type Measures = Record<string, number>

/** What a metric's formula needs besides measures. */
export type FormulaContext = {
  months: number
  grossMargin: number
  /** The data is a snapshot file: rates count every customer in the period, not only those active at its start. */
  snapshot: boolean
}

/** A computed value, or null with the reason (never NaN or Infinity). */
export type MetricValue = { value: number | null; reason?: string }

/** A metric in the catalog: defined once, read by tools, SQL builder, offline analyst, README and tests. */
export type MetricDef = {
  id: string
  name: Bilingual
  synonyms: Synonyms
  /** One line; doubles as the model-facing description. */
  description: string
  unit: Unit
  formula: string
  /** The formula in Chinese, for Chinese answers. */
  formulaZh: string
  grains: readonly Grain[]
  families: readonly Family[]
  /** Measures shown beside the value (numerator, denominator…). */
  parts: readonly string[]
  /** Whether a rise is good news: used when describing changes. */
  higherIsBetter: boolean
  /** A share that must lie in 0–100%: the engine refuses to return anything else. */
  bounded?: boolean
  /**
   * A churn-type rate: over several months on dated data its headline is the average of the
   * monthly rates, and the starting cohort's churn is given beside it.
   */
  monthlyAverage?: boolean
  /**
   * A count or amount of dated records that adds up over time (churn events, refunds): asked without a
   * period on dated data, the answer gives the whole span's total beside the default window's.
   */
  spanTotal?: boolean
  /** A flow of money whose months add up (churned, expanded, contracted MRR): a trend's total is the sum of its buckets. */
  bucketsAddUp?: boolean
  /** `cohort` metrics return a signup-month × months-since-signup matrix instead of a series. */
  kind?: 'cohort'
  /** Computes the value from merged measures. Percent units return percentage points. */
  compute(m: Measures, ctx: FormulaContext): MetricValue
}
