import { type DateFormat, parseDate } from '../../time/parse-date.js'

/** A converted cell: its value, or what was expected (the caller adds line, column and the raw text). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = (expected: string): Parsed<never> => ({ ok: false, expected })

/** A number ≥ 0 (a tenure), at most `max`; blank is null (unknown). */
export function parseTenure(text: string, max: number): Parsed<number | null> {
  const n = parseNumber(text)
  if (!n.ok || (n.value !== null && n.value < 0)) return fail('a number ≥ 0')
  if (n.value !== null && n.value > max) return fail(`a number ≤ ${max}`)
  return n
}

/**
 * An amount ≥ 0 such as "53.85", "$1,234.50", "19,90 €" or "¥99"; blank is null (unknown), so a
 * spreadsheet's blank or single-space cell does not fail the import.
 */
export function parseAmount(text: string): Parsed<number | null> {
  const n = parseNumber(text.trim().replace(/\s*[€£¥$]$/, ''))
  if (!n.ok || (n.value !== null && n.value < 0)) return fail('a number ≥ 0')
  return n
}

/**
 * Any number a spreadsheet writes: "-3.5", "1,234", "6,9", "1.234,56", "$99", "12%", "9.3448e-05"; blank is
 * null (unknown, never 0). A percent sign is dropped, not divided: "12%" stores 12.
 */
export function parseNumber(text: string): Parsed<number | null> {
  let t = text.trim()
  if (t === '') return ok(null)
  t = t.replace(/^([-+]?)\s*[$€£¥]\s*/, '$1').replace(/\s*%$/, '')
  if (/^[-+]?(\d{1,3}(,\d{3})+)(\.\d+)?$/.test(t)) t = t.replace(/,/g, '')
  // European writing: a decimal comma ("6,9", "1.234,56"); a comma before exactly three digits stays a thousands separator.
  else if (/^[-+]?(\d{1,3}(\.\d{3})+|\d+),(\d{1,2}|\d{4,})$/.test(t)) t = t.replace(/\./g, '').replace(',', '.')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return fail('a number')
  return ok(Number(t))
}

/** A date in the declared format, returned as ISO YYYY-MM-DD. */
export function parseDateCell(text: string, format: DateFormat): Parsed<string> {
  const iso = parseDate(text, format)
  return iso ? ok(iso) : fail(`a date as ${format}`)
}

/** Compares flag and status values: case, surrounding space and a trailing full stop ("True.") do not matter. */
export function flagKey(text: string): string {
  return text.trim().replace(/[.。]$/, '').trim().toLowerCase()
}

/**
 * A yes/no flag: true when the value is one of `trueValues`. With `falseValues` given, a
 * value in neither list is an error rather than a silent "no".
 */
export function parseFlag(text: string, trueValues: string[], falseValues?: string[]): Parsed<boolean> {
  const t = flagKey(text)
  if (trueValues.some((v) => flagKey(v) === t)) return ok(true)
  if (!falseValues || falseValues.some((v) => flagKey(v) === t)) return ok(false)
  return fail(`one of ${[...trueValues, ...falseValues].map((v) => JSON.stringify(v)).join(', ')}`)
}

const yesWords = new Set(['1', 'yes', 'y', 'true', 't', '是', '有', '对', 'oui', 'si', 'ja'])
const noWords = new Set(['0', 'no', 'n', 'false', 'f', '否', '无', '没有', '不是', 'non', 'nein'])

/** "Yes" or "No" for the usual spellings of a yes/no cell (1/0, True/False, "True.", 是/否, …); undefined otherwise. */
export function yesNoValue(text: string): 'Yes' | 'No' | undefined {
  const t = flagKey(text)
  if (yesWords.has(t)) return 'Yes'
  if (noWords.has(t)) return 'No'
  return undefined
}
