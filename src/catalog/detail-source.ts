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
