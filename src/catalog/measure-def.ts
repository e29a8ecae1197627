import type { Bilingual, Synonyms } from './types.js'

/** Units a numeric customer attribute can be in; they drive formatting and default bands. */
export const measureUnits = ['number', 'years', 'months', 'days', 'currency', 'count', 'percent', 'ratio', 'score'] as const
/** One of measureUnits. */
export type MeasureUnit = (typeof measureUnits)[number]

/**
 * A numeric attribute of each customer (age, balance, credit score, …), stored in
 * customer_measures; a customer with no row has an unknown value, never 0.
 */
export type MeasureDef = {
  id: string
  name: Bilingual
  unit: MeasureUnit
  synonyms: Synonyms
  description: string
}
