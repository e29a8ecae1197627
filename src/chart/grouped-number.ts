// One Intl.NumberFormat per digit count: toLocaleString with options builds a new one on every call,
// which was a measurable share of an answer's CPU time.
const formats = new Map<string, Intl.NumberFormat>()

/** `v` grouped by thousands (en-US) with between `min` and `max` decimals: 1,234.5. */
export function groupedNumber(v: number, min: number, max = min): string {
  const key = `${min}:${max}`
  let f = formats.get(key)
  if (!f) formats.set(key, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })))
  return f.format(v)
}
