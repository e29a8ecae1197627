/** UTC calendar-date arithmetic on ISO `YYYY-MM-DD` strings (no time zones, no Date drift). */

const DAY = 86_400_000

function parse(d: string): Date {
  return new Date(`${d}T00:00:00Z`)
}
function fmt(d: Date): string {
  return d.toISOString().slice(0, 10)
}

/** True for a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = parse(s)
  // "2026-13-45" is no date at all: an invalid Date must not reach toISOString, which throws.
  return !Number.isNaN(d.getTime()) && fmt(d) === s
}

/** Adds (or subtracts) whole days. */
export function addDays(d: string, n: number): string {
  return fmt(new Date(parse(d).getTime() + n * DAY))
}

/** Adds whole months, clamping the day to the target month's length. */
export function addMonths(d: string, n: number): string {
  const x = parse(d)
  const y = x.getUTCFullYear()
  const m = x.getUTCMonth() + n
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return fmt(new Date(Date.UTC(y, m, Math.min(x.getUTCDate(), last))))
}

/** First day of the date's month. */
export function startOfMonth(d: string): string {
  return `${d.slice(0, 7)}-01`
}

/** First day of the date's calendar quarter. */
export function startOfQuarter(d: string): string {
  const m = Number(d.slice(5, 7))
  const qm = Math.floor((m - 1) / 3) * 3 + 1
  return `${d.slice(0, 4)}-${String(qm).padStart(2, '0')}-01`
}

/** First day of the date's year. */
export function startOfYear(d: string): string {
  return `${d.slice(0, 4)}-01-01`
}

/** Monday of the date's ISO week. */
export function startOfWeek(d: string): string {
  const wd = (parse(d).getUTCDay() + 6) % 7
  return addDays(d, -wd)
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / DAY)
}

/** Whole calendar months from a's month to b's month. */
export function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7))
}

/** Earlier / later of two ISO dates. */
export const minDate = (a: string, b: string): string => (a < b ? a : b)
export const maxDate = (a: string, b: string): string => (a > b ? a : b)
