/**
 * First days of the months from `start`'s month up to the last month that begins
 * before `end` (exclusive): the months a spell [start, end) was billed in.
 */
export function billedMonths(start: string, end: string): string[] {
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
