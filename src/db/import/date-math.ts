/** `iso` plus `n` days (n may be negative). */
export function addDays(iso: string, n: number): string {
  const t = new Date(`${iso}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + n)
  return t.toISOString().slice(0, 10)
}

/** `iso` plus `n` months, clamping the day to the target month's length (2019-03-31 − 1 month = 2019-02-28). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number)
  const target = y * 12 + (m - 1) + n
  const ty = Math.floor(target / 12)
  const tm = target % 12
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate()
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/**
 * First days of the months from `start`'s month up to the last month that begins
 * before `end` (exclusive): the months a spell [start, end) was billed in.
 */
export function monthsBetween(start: string, end: string): string[] {
  const out: string[] = []
  let y = Number(start.slice(0, 4))
  let m = Number(start.slice(5, 7))
  for (;;) {
    const month = `${y}-${m < 10 ? '0' : ''}${m}-01`
    if (month >= end) return out
    out.push(month)
    if (++m > 12) { m = 1; y++ }
  }
}
