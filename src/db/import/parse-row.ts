import type { BuiltInColumn, Mapping } from './mapping-schema.js'
import { columnIndex } from './column-index.js'
import { addDays, addMonths } from '../../time/dates.js'
import { type Parsed, parseAmount, parseDateCell, parseFlag, parseWholeNumber } from './parse-values.js'
import type { CsvRecord } from './read-csv.js'

/** One customer as read from a CSV row, ready to write. */
export type ImportedCustomer = {
  line: number
  id: string
  name: string
  signupDate: string
  /** First billed day: the signup date, or for tenure-based signups the start of the first whole month. */
  billingStart: string
  /** End of the one subscription spell; null while active. */
  churnDate: string | null
  reasonCode: string | null
  reasonText: string | null
  /** Monthly charge; null when the mapping has no mrr column or the cell is blank. */
  mrr: number | null
  builtIns: Partial<Record<BuiltInColumn, string>>
  attributes: Array<{ dimension: string; value: string }>
}

/** A problem with one cell, already phrased for the user. */
export type RowError = { line: number; column: string; message: string }

/** Formats a row error as `line 12, column "Tenure Months": expected …, got "abc"`. */
export function formatRowError(e: RowError): string {
  return `line ${e.line}, column ${JSON.stringify(e.column)}: ${e.message}`
}

// Tenure beyond 100 years is a unit mistake (days or weeks), not a customer.
const maxTenureMonths = 1200

/**
 * Builds the per-row parser for a mapping and CSV header (throws when the mapping names
 * columns the CSV lacks). Each call validates and converts one record.
 */
export function createRowParser(m: Mapping, header: string[]): (rec: CsvRecord) => ImportedCustomer | RowError[] {
  const at = columnIndex(m, header)
  const flagChurnDate = addDays(m.asOf, -1) // the flag means "churned within the month before asOf"
  return ({ line, values }) => {
    const errors: RowError[] = []
    const cell = (column: string) => values[at(column)] ?? ''
    const take = <T>(column: string, p: Parsed<T>): T | undefined => {
      if (p.ok) return p.value
      errors.push({ line, column, message: `expected ${p.expected}, got ${JSON.stringify(cell(column))}` })
      return undefined
    }
    const bad = (column: string, message: string) => errors.push({ line, column, message })

    const id = cell(m.customerId).trim()
    if (id === '') bad(m.customerId, 'the customer id is empty')

    let signupDate: string | undefined
    let tenure: number | undefined
    if ('column' in m.signup) signupDate = take(m.signup.column, parseDateCell(cell(m.signup.column), m.signup.format))
    else {
      tenure = take(m.signup.tenureMonthsColumn, parseWholeNumber(cell(m.signup.tenureMonthsColumn), maxTenureMonths))
      // Tenure counts whole months up to the snapshot: a customer with tenure n was already
      // active on the first day of the month before asOf, so "active at period start" includes them.
      if (tenure !== undefined) signupDate = addDays(addMonths(m.asOf, -tenure), -1)
    }
    if (signupDate && signupDate > m.asOf) bad(signupColumn(m), `the signup date ${signupDate} is after asOf (${m.asOf})`)

    let churnDate: string | null | undefined
    if ('dateColumn' in m.churn) {
      const text = cell(m.churn.dateColumn)
      churnDate = text.trim() === '' ? null : take(m.churn.dateColumn, parseDateCell(text, m.churn.format))
      if (churnDate && churnDate > m.asOf) bad(m.churn.dateColumn, `the churn date ${churnDate} is after asOf (${m.asOf})`)
    } else {
      const churned = take(m.churn.flagColumn, parseFlag(cell(m.churn.flagColumn), m.churn.trueValues, m.churn.falseValues))
      churnDate = churned === undefined ? undefined : churned ? flagChurnDate : null
    }
    if (churnDate && signupDate && churnDate < signupDate) {
      if (tenure === 0) bad(signupColumn(m), 'a churned customer needs a tenure of at least 1 month, got "0"')
      else bad(churnColumn(m), `the churn date ${churnDate} is before the signup date ${signupDate}`)
    }

    let reasonCode: string | null = null
    let reasonText: string | null = null
    const r = m.churnReason
    const text = r ? cell(r.column).trim() : ''
    if (r && churnDate && text !== '') {
      const code = r.codes[text] ?? Object.entries(r.codes).find(([k]) => k.toLowerCase() === text.toLowerCase())?.[1]
      if (code === undefined && r.unmapped === 'error') bad(r.column, `reason ${JSON.stringify(text)} is not listed in churnReason.codes`)
      reasonText = text
      reasonCode = code ?? (r.unmapped === 'error' ? null : r.unmapped)
    }

    const mrr = m.mrr ? take(m.mrr.column, parseAmount(cell(m.mrr.column))) : null

    const builtIns: ImportedCustomer['builtIns'] = {}
    const attributes: ImportedCustomer['attributes'] = []
    for (const d of m.dimensions) {
      const raw = cell(d.sourceColumn).trim()
      const value = raw === '' ? '' : (d.valueMap[raw] ?? raw)
      if (value === '') continue // blank (or mapped to blank) = unknown: no value stored
      if (d.column) builtIns[d.column] = value
      else attributes.push({ dimension: d.id, value })
    }

    if (errors.length > 0 || signupDate === undefined || churnDate === undefined || mrr === undefined) return errors
    const name = m.name ? cell(m.name).trim() : ''
    const billingStart = tenure !== undefined ? addMonths(m.asOf, -tenure) : signupDate
    return { line, id, name: name || id, signupDate, billingStart, churnDate, reasonCode, reasonText, mrr, builtIns, attributes }
  }
}

function signupColumn(m: Mapping): string {
  return 'column' in m.signup ? m.signup.column : m.signup.tenureMonthsColumn
}

function churnColumn(m: Mapping): string {
  return 'dateColumn' in m.churn ? m.churn.dateColumn : m.churn.flagColumn
}
