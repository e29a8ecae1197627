/**
 * The sample company's calendar: 36 months of history, month 0 = 2023-11, month 35 = 2026-10,
 * with the snapshot taken on 2026-11-01. Generators work in month indexes and day numbers
 * and only turn them into ISO text at the edge.
 */

/** First month of history (month index 0). */
export const FIRST_MONTH = '2023-11-01'
/** Number of months of history. */
export const MONTH_COUNT = 36
/** Snapshot date: nothing in the sample is dated on or after it. */
export const AS_OF = '2026-11-01'

const FIRST_YEAR = 2023
const FIRST_MONTH_OF_YEAR = 10 // zero-based: November

const monthStarts: string[] = []
const monthLengths: number[] = []
for (let i = 0; i < MONTH_COUNT; i++) {
  const y = FIRST_YEAR + Math.floor((FIRST_MONTH_OF_YEAR + i) / 12)
  const m = (FIRST_MONTH_OF_YEAR + i) % 12
  monthStarts.push(`${y}-${String(m + 1).padStart(2, '0')}-01`)
  monthLengths.push(new Date(Date.UTC(y, m + 1, 0)).getUTCDate())
}

/** The month's first day (`2025-07-01`) for a month index. */
export function monthStart(index: number): string {
  return monthStarts[index]
}

/** Days in the month with this index. */
export function daysInMonth(index: number): number {
  return monthLengths[index]
}

/** The ISO date of day `day` (1-based) in month `index`. */
export function dateInMonth(index: number, day: number): string {
  return `${monthStarts[index].slice(0, 8)}${String(day).padStart(2, '0')}`
}

/** The month index of an ISO date or month (`2025-07-14` → 20). */
export function monthIndex(date: string): number {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7)) - 1
  return (y - FIRST_YEAR) * 12 + m - FIRST_MONTH_OF_YEAR
}

/** An ISO date moved by `days` days (negative moves back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days)
}

/** Days since 1970-01-01 for an ISO date (integer arithmetic: this runs millions of times). */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  // Howard Hinnant's days_from_civil: years start in March so leap days fall at the end.
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The ISO date of a day number (inverse of dayNumber). */
export function fromDayNumber(n: number): string {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
}
