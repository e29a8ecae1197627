import { type DateFormat, dateFormats, parseDate } from '../../time/parse-date.js'
import { parseNumber, yesNoValue } from './parse-values.js'
import type { Table } from './read-table.js'

/** What the values of one column look like: enough to guess its role and type. */
export type ColumnProfile = {
  name: string
  index: number
  rows: number
  blanks: number
  /** Distinct non-blank values. */
  distinct: number
  /** Non-blank value → rows. */
  counts: Map<string, number>
  /** Every non-blank value appears once. */
  unique: boolean
  numeric: boolean
  integer: boolean
  min: number
  max: number
  /** The one date format every non-blank value parses in, if any. */
  dateFormat?: DateFormat
  /** Every non-blank value reads as yes or no (1/0, Yes/No, True/False, 是/否 …), both or one of them. */
  yesNo: boolean
  /** A value shows up with leading or trailing spaces ("Total Charges" is " " for new customers). */
  padded: number
}

/** Profiles every column of a table. */
export function profileColumns(table: Table): ColumnProfile[] {
  return table.columns.map((name, index) => profileColumn(table, name, index))
}

function profileColumn(table: Table, name: string, index: number): ColumnProfile {
  const counts = new Map<string, number>()
  let blanks = 0
  let padded = 0
  for (const r of table.rows) {
    const raw = r[index] ?? ''
    const t = raw.trim()
    if (t === '') { blanks++; continue }
    if (t.length !== raw.length) padded++
    const n = counts.get(t)
    if (n !== undefined) counts.set(t, n + 1)
    else counts.set(t, 1)
  }
  const values = [...counts.keys()]
  let numeric = values.length > 0
  let integer = true
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    const p = parseNumber(v)
    if (!p.ok || p.value === null) { numeric = false; break }
    if (!Number.isInteger(p.value)) integer = false
    if (p.value < min) min = p.value
    if (p.value > max) max = p.value
  }
  if (!numeric) { integer = false; min = NaN; max = NaN }
  const nonBlank = table.rows.length - blanks
  const unique = counts.size === nonBlank && nonBlank > 0
  const dateFormat = numeric || values.length === 0 ? undefined : dateFormats.find((f) => values.every((v) => parseDate(v, f) !== null))
  const yesNo = values.length > 0 && values.length <= 2 && values.every((v) => yesNoValue(v) !== undefined) && new Set(values.map(yesNoValue)).size === values.length
  return { name, index, rows: table.rows.length, blanks, distinct: counts.size, counts, unique, numeric, integer, min, max, dateFormat, yesNo, padded }
}
