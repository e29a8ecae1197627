/** How a period was named, so each language can word it (the English `label` is kept for logs and SQL readers). */
export type PeriodName =
  | { kind: 'relative'; relative: RelativePeriod; n: number }
  | { kind: 'range' }
  /** A snapshot file's churn window. */
  | { kind: 'window' }

/** A resolved period: [from, to) in UTC calendar dates, with a human label and its typed name. */
export type Period = { from: string; to: string; label: string; name?: PeriodName }

/** One time bucket of a period at a grain. */
export type Bucket = { key: string; start: string; end: string }

/** Relative periods the tools accept; resolved against the data set's as-of date, not the wall clock. */
export const relativePeriods = [
  'last_month', 'this_month', 'last_quarter', 'this_quarter', 'last_year', 'this_year',
  'last_n_months', 'last_n_days', 'last_n_quarters', 'all_time',
] as const
export type RelativePeriod = (typeof relativePeriods)[number]

/** A period as tools and the CLI give it: absolute dates, a relative name, or nothing (defaults). */
export type PeriodInput = { from?: string; to?: string; relative?: RelativePeriod; n?: number }
