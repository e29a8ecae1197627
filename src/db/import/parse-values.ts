import { type DateFormat, parseDate } from '../../time/parse-date.js'

/** A converted cell: its value, or what was expected (the caller adds line, column and the raw text). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = (expected: string): Parsed<never> => ({ ok: false, expected })

/** A whole number ≥ 0 (tenure in months), at most `max`. */
export function parseWholeNumber(text: string, max: number): Parsed<number> {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return fail('a whole number ≥ 0')
  if (Number(t) > max) return fail(`a whole number ≤ ${max}`)
  return ok(Number(t))
}

/**
 * An amount ≥ 0 such as "53.85", "$1,234.50" or "¥99"; blank is null (unknown), so a
 * spreadsheet's blank or single-space cell does not fail the import.
 */
export function parseAmount(text: string): Parsed<number | null> {
  const t = text.trim().replace(/^[$€£¥]\s*/, '')
  if (t === '') return ok(null)
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(t)) return fail('a number ≥ 0')
  return ok(Number(t.replace(/,/g, '')))
}

/** A date in the declared format, returned as ISO YYYY-MM-DD. */
export function parseDateCell(text: string, format: DateFormat): Parsed<string> {
  const iso = parseDate(text, format)
  return iso ? ok(iso) : fail(`a date as ${format}`)
}

/**
 * A yes/no flag: true when the value is one of `trueValues` (case-insensitive). With
 * `falseValues` given, a value in neither list is an error rather than a silent "no".
 */
export function parseFlag(text: string, trueValues: string[], falseValues?: string[]): Parsed<boolean> {
  const t = text.trim().toLowerCase()
  if (trueValues.some((v) => v.trim().toLowerCase() === t)) return ok(true)
  if (!falseValues || falseValues.some((v) => v.trim().toLowerCase() === t)) return ok(false)
  return fail(`one of ${[...trueValues, ...falseValues].map((v) => JSON.stringify(v)).join(', ')}`)
}
