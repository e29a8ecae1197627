import type { Schedule } from './alerts-config.js'

const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

/** The first time strictly after `after` (UTC) that a schedule fires. */
export function nextRun(s: Schedule, after: Date): Date {
  const t = new Date(after.getTime())
  t.setUTCSeconds(0, 0)
  if (s.every === 'hour') {
    t.setUTCMinutes(s.minute)
    while (t <= after) t.setUTCHours(t.getUTCHours() + 1)
    return t
  }
  const [h, m] = s.time.split(':').map(Number)
  t.setUTCHours(h, m)
  while (t <= after || (s.every === 'week' && days[t.getUTCDay()] !== s.day)) t.setUTCDate(t.getUTCDate() + 1)
  return t
}
