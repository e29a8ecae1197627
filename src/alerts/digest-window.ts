import type { Period } from '../catalog/period.js'
import { addDays, addMonths, startOfMonth } from '../time/dates.js'
import { periodLabel } from '../time/period.js'

/** The period a digest or alert covers (ending at the data's as-of date) and the one before it. */
export function digestWindow(window: 'week' | 'month', asOf: string): { period: Period; previous: Period } {
  const to = window === 'week' ? asOf : startOfMonth(asOf)
  const from = window === 'week' ? addDays(to, -7) : addMonths(to, -1)
  const prevFrom = window === 'week' ? addDays(from, -7) : addMonths(from, -1)
  return { period: { from, to, label: periodLabel(from, to) }, previous: { from: prevFrom, to: from, label: periodLabel(prevFrom, from) } }
}
