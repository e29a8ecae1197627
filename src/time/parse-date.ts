/** Date formats an import mapping can declare for a date column. */
export const dateFormats = ['YYYY-MM-DD', 'YYYY/MM/DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY'] as const
/** One of the declared date formats. */
export type DateFormat = (typeof dateFormats)[number]

// Field order per format; month and day may have one or two digits ("3/7/2019"), and a
// trailing time ("2019-03-07 14:05:00", "2019-03-07T14:05Z") is ignored: we keep calendar dates.
const patterns: Record<DateFormat, { re: RegExp; order: ['y' | 'm' | 'd', 'y' | 'm' | 'd', 'y' | 'm' | 'd'] }> = {
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/, order: ['y', 'm', 'd'] },
  'YYYY/MM/DD': { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T].*)?$/, order: ['y', 'm', 'd'] },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T].*)?$/, order: ['m', 'd', 'y'] },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T].*)?$/, order: ['d', 'm', 'y'] },
  'DD.MM.YYYY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T].*)?$/, order: ['d', 'm', 'y'] },
}

/** Parses `text` in the declared format into an ISO `YYYY-MM-DD` date; null when it is not a real calendar date in that format. */
export function parseDate(text: string, format: DateFormat): string | null {
  const { re, order } = patterns[format]
  const m = re.exec(text.trim())
  if (!m) return null
  const parts = { y: 0, m: 0, d: 0 }
  order.forEach((k, i) => { parts[k] = Number(m[i + 1]) })
  return validIso(parts.y, parts.m, parts.d)
}

/** True when `text` is exactly an ISO `YYYY-MM-DD` calendar date that exists. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return m !== null && validIso(Number(m[1]), Number(m[2]), Number(m[3])) === text
}

// Rejects 2019-02-30 and friends by round-tripping through a UTC date.
function validIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return null
  const t = new Date(Date.UTC(y, m - 1, d))
  if (t.getUTCMonth() !== m - 1) return null
  return t.toISOString().slice(0, 10)
}
