/**
 * The span in which a data set observes churn. Dated data (subscriptions with dates) observes
 * every day from its first signup to its as-of date; a snapshot file (one row per customer, a
 * churn flag) observes churn in one window only — the one its mapping declares — and cannot
 * split that window into smaller periods. `to` is exclusive.
 */
export type Coverage =
  | { kind: 'dated'; from: string; to: string }
  | { kind: 'snapshot'; from: string; to: string }

/** How a rate over a period was read: the headline's definition, stated with every answer. */
export type RateReading =
  /** One month, or a snapshot window: churned ÷ the customers counted, a plain share. */
  | { kind: 'single_period' }
  /** A multi-month period on dated data: the average of its monthly rates, with the starting cohort's churn beside it. */
  | { kind: 'average_monthly'; months: number }
  /** A snapshot file: churned ÷ every customer in the file (of the group). */
  | { kind: 'snapshot_share' }

/** Why a period was changed before it was answered: typed, so each language words it itself. */
export type PeriodAdjustment =
  /** The question gave no period: the latest complete period the data observes was used. */
  | { kind: 'default_period' }
  /** A snapshot file: the question's period was replaced by the file's churn window. */
  | { kind: 'snapshot_window'; asked?: { from: string; to: string } }
  /** Part of the period lies outside the data: answered for the covered part. */
  | { kind: 'clipped'; asked: { from: string; to: string } }
