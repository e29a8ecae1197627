import type { Coverage, PeriodAdjustment } from '../catalog/coverage.js'
import type { Period, PeriodInput } from '../catalog/period.js'
import type { Grain } from '../catalog/types.js'
import { AppError } from '../errors.js'
import { addDays, addMonths, startOfYear } from './dates.js'
import { periodLabel, previousPeriod, resolvePeriod } from './period.js'

/** A period fitted to what the data observes, with what was changed and why. */
export type CoveredPeriod = { period: Period; adjustments: PeriodAdjustment[] }

/** Words for a coverage span, used in errors (tools pass typed details; answers word them per language). */
export function coverageLabel(c: Coverage): string {
  return `${c.from} – ${addDays(c.to, -1)}`
}

/**
 * With no period, a quarterly or yearly trend covers whole quarters or years (the last four, the last
 * three): twelve trailing months would cut the first and last quarter short under a full quarter's name.
 */
function defaultTrendPeriod(grain: Grain | undefined, asOf: string): PeriodInput {
  if (grain === 'quarter') return { relative: 'last_n_quarters', n: 4 }
  if (grain === 'year') return { from: addMonths(startOfYear(asOf), -36), to: startOfYear(asOf) }
  return {}
}

/**
 * Resolves a period against the data's coverage. No period: a snapshot file's churn window, or
 * the latest 12 full months (whole quarters or years for such a trend) clipped to the data. A snapshot file observes one window and cannot
 * split it: a period containing the window is answered for the window; one inside it, outside it,
 * or a trend is refused with the window named. Dated data: a period partly outside is clipped.
 */
export function resolveCoveredPeriod(input: PeriodInput | undefined, coverage: Coverage, asOf: string, dataStart: string, grain?: Grain): CoveredPeriod {
  const given = !!input && (input.from !== undefined || input.to !== undefined || input.relative !== undefined)
  if (coverage.kind === 'snapshot') {
    const window: Period = { from: coverage.from, to: coverage.to, label: `${coverage.from} – ${addDays(coverage.to, -1)}`, name: { kind: 'window' } }
    const details = { coverage }
    if (grain) throw new AppError('bad_period', `This data is a snapshot (one row per customer, no dates): it observes churn only in ${coverageLabel(coverage)} as a whole, so it cannot show a trend by ${grain}.`, details)
    if (!given) return { period: window, adjustments: [{ kind: 'default_period' }, { kind: 'snapshot_window' }] }
    const asked = resolvePeriod(input!, asOf, dataStart)
    const containsWindow = asked.from <= coverage.from && asked.to >= addDays(coverage.to, -1)
    if (asked.name?.kind === 'relative' && asked.name.relative === 'all_time') return { period: window, adjustments: [{ kind: 'snapshot_window' }] }
    if (!containsWindow) {
      throw new AppError('bad_period', `This data is a snapshot: it observes churn only in ${coverageLabel(coverage)} as a whole, so it cannot answer for ${asked.label}.`, { ...details, asked: { from: asked.from, to: asked.to } })
    }
    // "Q3" on a file that is the Q3 snapshot: the period asked is the window itself, nothing to explain.
    if (asked.from === coverage.from) return { period: window, adjustments: [{ kind: 'snapshot_window' }] }
    return { period: window, adjustments: [{ kind: 'snapshot_window', asked: { from: asked.from, to: asked.to } }] }
  }
  const asked = given ? resolvePeriod(input!, asOf, dataStart) : resolvePeriod(defaultTrendPeriod(grain, asOf), asOf, dataStart)
  if (asked.to <= coverage.from || asked.from >= coverage.to) {
    throw new AppError('bad_period', `The data covers ${coverageLabel(coverage)}; it has nothing for ${asked.label}.`, { coverage, asked: { from: asked.from, to: asked.to } })
  }
  const adjustments: PeriodAdjustment[] = given ? [] : [{ kind: 'default_period' }]
  if (asked.from < coverage.from || asked.to > coverage.to) {
    const from = asked.from < coverage.from ? coverage.from : asked.from
    const to = asked.to > coverage.to ? coverage.to : asked.to
    adjustments.push({ kind: 'clipped', asked: { from: asked.from, to: asked.to } })
    return { period: { from, to, label: periodLabel(from, to), name: { kind: 'range' } }, adjustments }
  }
  return { period: asked, adjustments }
}

/** The period before `p`, when the data observes all of it (never for a snapshot file). */
export function observedPreviousPeriod(p: { from: string; to: string }, coverage: Coverage): { from: string; to: string } | null {
  if (coverage.kind === 'snapshot') return null
  const prev = previousPeriod(p)
  return prev.from >= coverage.from ? prev : null
}
