import { rollupColumns } from '../migrations/007-rollups-1-tables.js'
import { addMonths, startOfMonth } from '../../time/dates.js'
import type { CustomerHistory, RollupWindow } from './customer-contribution.js'

/** What compare_segments reads about a customer besides spells and MRR. */
export type CompareHistory = CustomerHistory & {
  signup: string
  tickets: Array<{ opened: string; hours: number | null }>
  logins: Map<string, number>
  nps: Array<{ date: string; rating: number }>
  /** The customer's value of each profile measure, in the order the rebuild lists them (null: unknown). */
  measures: Array<number | null>
}

/** Statuses a comparison segment can ask for, in rollup order. */
export const STATUSES = ['churned', 'retained', 'any'] as const
const COMPARE = rollupColumns.compare
const col = Object.fromEntries(COMPARE.map((c, i) => [c, i])) as Record<(typeof COMPARE)[number], number>

/** Width of one status block: the compare aggregates, then n, sum, sum of squares per profile measure. */
export const blockWidth = (measures: number) => COMPARE.length + 3 * measures

const DAY = 86_400_000
const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7))

// Date arithmetic is most of the work per window, on few distinct dates: remembered.
const dayMemo = new Map<string, number>()
const dayOf = (d: string) => {
  let v = dayMemo.get(d)
  if (v === undefined) dayMemo.set(d, (v = Date.parse(d) / DAY))
  return v
}
const monthsMemo = new Map<string, string[]>()
/** The six months before the month of `d`, oldest first (index 0 = 6 months before). */
const sixMonthsBefore = (d: string) => {
  const m0 = startOfMonth(d)
  let v = monthsMemo.get(m0)
  if (!v) monthsMemo.set(m0, (v = [-6, -5, -4, -3, -2, -1].map((k) => addMonths(m0, k))))
  return v
}
// One customer's figures for one window, reused (zeroed) for the next.
let scratch = new Float64Array(0)

/**
 * Adds one customer's compare_segments figures for a window to each status block they belong to
 * (`acc` from `at`: churned, retained, any), as src/query/compare-segments-sql.ts and
 * src/query/compare-measures.ts compute them per member row: the population is everyone with a
 * spell overlapping the window; churned = a spell ended in it; retained = not churned and active
 * at its end; each customer is measured up to their endpoint (last churn date in it, else its end).
 * Returns false when the customer is not in the window's population.
 */
export function addCompare(acc: Float64Array, at: number, width: number, h: CompareHistory, w: RollupWindow): boolean {
  const from = w.start
  const to = w.end
  let member = false, churned = 0, activeStart = 0, activeEnd = false
  let churnDate: string | null = null
  for (const s of h.spells) {
    if (!(s.start < to && (s.end === null || s.end >= from))) continue
    member = true
    if (s.end !== null && s.end >= from && s.end < to) {
      churned = 1
      if (churnDate === null || s.end > churnDate) churnDate = s.end
    }
    if (s.start < from && (s.end === null || s.end >= from)) activeStart = 1
    if (s.start < to && (s.end === null || s.end >= to)) activeEnd = true
  }
  if (!member) return false
  const endpoint = churnDate ?? to
  const mss = monthIndex(endpoint) - monthIndex(h.signup)
  if (scratch.length !== width) scratch = new Float64Array(width)
  const v = scratch
  v.fill(0)
  v[col.cr_all] = 1
  v[col.cr_churned] = churned * activeStart
  v[col.cr_active] = activeStart
  v[col.cr_all_churned] = churned
  const ten = (dayOf(endpoint) - dayOf(h.signup)) / 30.4375
  moments(v, col.ten_n, ten)
  let mrrSum = 0, mrrN = 0
  for (const [m, x] of h.mrr) {
    if (m >= from && m < endpoint && x > 0) {
      mrrSum += x
      mrrN++
    }
  }
  if (mrrN) moments(v, col.mrr_n, mrrSum / mrrN)
  let tix = 0, resN = 0, resSum = 0, resSs = 0
  for (const t of h.tickets) {
    if (t.opened < from || t.opened >= endpoint) continue
    tix++
    if (t.hours !== null) {
      resN++
      resSum += t.hours
      resSs += t.hours * t.hours
    }
  }
  moments(v, col.tix_n, tix)
  v[col.res_n] = resN
  v[col.res_sum] = resSum
  v[col.res_ss] = resSs
  const months = sixMonthsBefore(endpoint)
  // Logins in the months from `fromShift` to `toShift` (exclusive) relative to the endpoint's month.
  const logins = (fromShift: number, toShift: number) => {
    let sum = 0
    for (let k = fromShift; k < toShift; k++) sum += h.logins.get(months[k + 6]) ?? 0
    return sum
  }
  if (mss > 0) moments(v, col.lg_n, (logins(-3, 0) * 1.0) / (mss >= 3 ? 3 : mss))
  if (mss >= 6) {
    const r = logins(-3, 0) / 3.0
    const p = logins(-6, -3) / 3.0
    v[col.lt_r] = r
    v[col.lt_p] = p
    moments(v, col.lt_d_n, r - p)
  }
  for (const f of h.nps) {
    if (f.date < from || f.date >= to) continue
    v[col.np_n]++
    if (f.rating >= 9) v[col.np_pro]++
    if (f.rating <= 6) v[col.np_det]++
  }
  h.measures.forEach((x, i) => { if (x !== null) moments(v, COMPARE.length + 3 * i, x) })
  const status = churned ? 0 : activeEnd ? 1 : -1
  for (const s of status >= 0 ? [status, 2] : [2]) {
    const base = at + s * width
    for (let k = 0; k < width; k++) acc[base + k] += v[k]
  }
  return true
}

// Count, sum and sum of squares of one value, at three consecutive indexes.
function moments(v: Float64Array, i: number, x: number): void {
  v[i] += 1
  v[i + 1] += x
  v[i + 2] += x * x
}
