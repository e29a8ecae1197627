import type { Bilingual, Grain, Synonyms, Unit } from './types.js'

/** Groups of measures computed together by one SQL query (see src/query/families/). */
export type Family = 'flow' | 'revenue' | 'engagement' | 'tickets' | 'nps' | 'tenure' | 'acquisition'

/** Measures a family query returns per bucket and segment, merged by name. */
export type Measures = Record<string, number>

/** What a metric's formula needs besides measures. */
export type FormulaContext = { months: number; grossMargin: number }

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
  /** `cohort` metrics return a signup-month × months-since-signup matrix instead of a series. */
  kind?: 'cohort'
  /** Computes the value from merged measures. Percent units return percentage points. */
  compute(m: Measures, ctx: FormulaContext): MetricValue
}
