import type { Range } from './eval-case.js'

/**
 * Periods the sample company's questions resolve to, worked out by hand from its as-of date
 * 2026-11-01 (first signup 2023-11-01). `to` is exclusive.
 */
export const S = {
  lastMonth: { from: '2026-10-01', to: '2026-11-01' },
  lastQuarter: { from: '2026-07-01', to: '2026-10-01' },
  thisYear: { from: '2026-01-01', to: '2026-11-01' },
  lastYear: { from: '2025-01-01', to: '2026-01-01' },
  last12: { from: '2025-11-01', to: '2026-11-01' },
  last6: { from: '2026-05-01', to: '2026-11-01' },
  last90days: { from: '2026-08-03', to: '2026-11-01' },
  last2Quarters: { from: '2026-04-01', to: '2026-10-01' },
  sinceMarch: { from: '2026-03-01', to: '2026-11-01' },
  since2024: { from: '2024-01-01', to: '2026-11-01' },
  march2025: { from: '2025-03-01', to: '2025-04-01' },
  q3y2025: { from: '2025-07-01', to: '2025-10-01' },
  h1y2026: { from: '2026-01-01', to: '2026-07-01' },
  y2025: { from: '2025-01-01', to: '2026-01-01' },
} satisfies Record<string, Range>

/** Telco import periods: as of 2019-10-01; every churner left in September 2019. */
export const T = {
  lastMonth: { from: '2019-09-01', to: '2019-10-01' },
  lastQuarter: { from: '2019-07-01', to: '2019-10-01' },
  last12: { from: '2018-10-01', to: '2019-10-01' },
} satisfies Record<string, Range>
