import { addMonths } from './dates.js'

/** A closed-open date range [from, to). */
export type DateRange = { from: string; to: string }

const pad = (n: number) => String(n).padStart(2, '0')

/** The first day of a month. */
export function monthStart(year: number, month: number): string {
  return `${year}-${pad(month)}-01`
}

/** One calendar month. */
export function monthRange(year: number, month: number): DateRange {
  const from = monthStart(year, month)
  return { from, to: addMonths(from, 1) }
}

/** Months `first`..`last` inclusive, possibly across a year end. */
export function monthsRange(y1: number, m1: number, y2: number, m2: number): DateRange {
  return { from: monthStart(y1, m1), to: addMonths(monthStart(y2, m2), 1) }
}

/** Quarter q (1–4) of a year. */
export function quarterRange(year: number, q: number): DateRange {
  const from = monthStart(year, (q - 1) * 3 + 1)
  return { from, to: addMonths(from, 3) }
}

/** Half h (1–2) of a year. */
export function halfRange(year: number, h: number): DateRange {
  const from = monthStart(year, h === 1 ? 1 : 7)
  return { from, to: addMonths(from, 6) }
}

/** A calendar year. */
export function yearRange(year: number): DateRange {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` }
}

/**
 * The latest complete occurrence of a yearless range ("March", "Q3", "上半年") as of a date:
 * this year's if it has ended by then, else last year's.
 */
export function latestComplete(asOf: string, make: (year: number) => DateRange): DateRange {
  const y = Number(asOf.slice(0, 4))
  const r = make(y)
  return r.to <= asOf ? r : make(y - 1)
}

/** The most recent start of a month (by number) on or before a date: "since March". */
export function latestMonthStart(asOf: string, month: number): string {
  const y = Number(asOf.slice(0, 4))
  const d = monthStart(y, month)
  return d < asOf ? d : monthStart(y - 1, month)
}
