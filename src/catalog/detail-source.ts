import type { MeasureUnit } from './measure-def.js'

type Names = { en: string; zh: string }
type Synonyms = { en: string[]; zh: string[] }

/** A typed column of kept child rows: a number to total or average, a category or a yes/no to group rows by. */
export type DetailFieldDef = {
  id: string
  kind: 'number' | 'category' | 'yes_no'
  name: Names
  synonyms: Synonyms
  unit: MeasureUnit
  /** Stored values of a category or yes/no field, most rows first. */
  values: string[]
}

/** A kind of kept child row (usage records, subscriptions), its fields and whether each row records its own end. */
export type DetailSourceDef = {
  id: string
  name: Names
  synonyms: Synonyms
  /** The rows record their own end (a churn flag or an end date): "share of rows that ended" can be asked. */
  hasEnded: boolean
  fields: DetailFieldDef[]
}

/** One group of detail rows: its category value (null without a breakdown) and customer status, with counts, total, mean and ended share. */
export type DetailStatsRow = {
  group: string | null
  /** With byStatus: the rows of customers who ever churned, or of all the others. */
  status?: 'churned' | 'other'
  /** With byEnded: the rows that ended (true), the others (false), or those whose end is not recorded (null). */
  endedGroup?: boolean | null
  rows: number
  customers: number
  /** Rows with a value of the measure. */
  valued: number
  sum: number | null
  mean: number | null
  /** Rows that ended (the row's own churn) and rows whose end is recorded. */
  ended: number
  endedKnown: number
}
