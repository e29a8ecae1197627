import { AppError } from '../errors.js'
import type { Grain } from '../catalog/types.js'
import { addDays, addMonths, isIsoDate, startOfMonth, startOfQuarter, startOfWeek, startOfYear } from './dates.js'

/** Most time buckets (or cohort months) one query may ask for: a year of days fits, ten years of days does not. */
export const MAX_BUCKETS = 400

export { relativePeriods, type Bucket, type Period, type PeriodInput, type PeriodName, type RelativePeriod } from '../catalog/period.js'
import type { Period, PeriodInput, PeriodName, RelativePeriod, Bucket } from '../catalog/period.js'

/** Resolves a PeriodInput against the as-of date; `dataStart` bounds `all_time`. */
export function resolvePeriod(input: PeriodInput, asOf: string, dataStart: string, fallback: RelativePeriod = 'last_n_months'): Period {
  if (input.from || input.to) {
    const from = input.from ?? dataStart
    const to = input.to ?? asOf
    for (const [k, v] of [['from', from], ['to', to]] as const) {
      if (!isIsoDate(v)) throw new AppError('bad_period', `"${k}" must be a date like 2026-01-31, got "${v}"`)
    }
    if (from >= to) throw new AppError('bad_period', `"from" (${from}) must be before "to" (${to}); "to" is exclusive`)
    return { from, to, label: `${from} – ${addDays(to, -1)}`, name: { kind: 'range' } }
  }
  const rel = input.relative ?? fallback
  const n = Math.max(1, Math.min(input.n ?? (rel === 'last_n_months' ? 12 : 1), 120))
  const m = startOfMonth(asOf)
  const q = startOfQuarter(asOf)
  const y = startOfYear(asOf)
  // asOf is the snapshot date: periods end at it, so "this_*" periods are to-date.
  const nm: PeriodName = { kind: 'relative', relative: rel, n }
  const named = (from: string, to: string, label: string) => namedPeriod(from, to, label, nm)
  switch (rel) {
    case 'last_month': return named(addMonths(m, -1), m, addMonths(m, -1).slice(0, 7))
    case 'this_month': return named(m, asOf, `${m.slice(0, 7)} (to date)`)
    case 'last_quarter': return named(addMonths(q, -3), q, quarterLabel(addMonths(q, -3)))
    case 'this_quarter': return named(q, asOf, `${quarterLabel(q)} (to date)`)
    case 'last_year': return named(addMonths(y, -12), y, addMonths(y, -12).slice(0, 4))
    case 'this_year': return named(y, asOf, `${y.slice(0, 4)} (to date)`)
    case 'last_n_months': return named(addMonths(m, -n), m, `last ${n} months`)
    case 'last_n_quarters': return named(addMonths(q, -3 * n), q, `last ${n} quarters`)
    case 'last_n_days': return named(addDays(asOf, -n), asOf, `last ${n} days`)
    case 'all_time': return named(dataStart, asOf, 'all time')
  }
}

function namedPeriod(from: string, to: string, label: string, name: PeriodName): Period {
  if (from >= to) throw new AppError('bad_period', `The period ${label} is empty as of the data's snapshot date`)
  return { from, to, label, name }
}

/** `2026-Q3` for a quarter's first day. */
export function quarterLabel(d: string): string {
  return `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`
}

/** Splits a period into grain buckets; partial buckets at either edge are clipped to the period. */
export function bucketize(p: { from: string; to: string }, grain: Grain | undefined): Bucket[] {
  if (!grain) return [{ key: 'total', start: p.from, end: p.to }]
  const out: Bucket[] = []
  let s = alignStart(p.from, grain)
  while (s < p.to) {
    const e = nextStart(s, grain)
    out.push({ key: bucketKey(s, grain), start: s < p.from ? p.from : s, end: e > p.to ? p.to : e })
    s = e
    if (out.length > MAX_BUCKETS) {
      throw new AppError('bad_period', `A ${grainNames[grain]} breakdown of ${periodLabel(p.from, p.to)} would have more than ${MAX_BUCKETS} points: choose a coarser grain (week, month, quarter) or a shorter period.`)
    }
  }
  return out
}

const grainNames: Record<Grain, string> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' }

function alignStart(d: string, g: Grain): string {
  return g === 'day' ? d : g === 'week' ? startOfWeek(d) : g === 'month' ? startOfMonth(d) : g === 'quarter' ? startOfQuarter(d) : startOfYear(d)
}
function nextStart(d: string, g: Grain): string {
  return g === 'day' ? addDays(d, 1) : g === 'week' ? addDays(d, 7) : g === 'month' ? addMonths(d, 1) : g === 'quarter' ? addMonths(d, 3) : addMonths(d, 12)
}
function bucketKey(s: string, g: Grain): string {
  return g === 'day' || g === 'week' ? s : g === 'month' ? s.slice(0, 7) : g === 'quarter' ? quarterLabel(s) : s.slice(0, 4)
}

/** The period of the same length immediately before p (for "change vs previous period"). */
export function previousPeriod(p: { from: string; to: string }): { from: string; to: string } {
  // Whole months shift by months so "last quarter" compares with the quarter before.
  if (p.from.endsWith('-01') && p.to.endsWith('-01')) {
    const months = (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7))
    return { from: addMonths(p.from, -months), to: p.from }
  }
  const days = (new Date(`${p.to}T00:00:00Z`).getTime() - new Date(`${p.from}T00:00:00Z`).getTime()) / 86_400_000
  return { from: addDays(p.from, -days), to: p.from }
}

/** A short name for a range: `2026-03`, `2026-Q1`, `2025` for whole calendar units, else `from – last day`. */
export function periodLabel(from: string, to: string): string {
  if (from.endsWith('-01') && to.endsWith('-01')) {
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7))
    if (months === 1) return from.slice(0, 7)
    if (months === 3 && ['01', '04', '07', '10'].includes(from.slice(5, 7))) return quarterLabel(from)
    if (months === 12 && from.slice(5, 7) === '01') return from.slice(0, 4)
  }
  return `${from} – ${addDays(to, -1)}`
}
