import type { Coverage } from './coverage.js'
import type { DatasetMeta } from './dataset-meta.js'
import type { MeasureDef } from './measure.js'
import type { MetricDef } from './metric-types.js'
import type { DetailSourceDef } from './detail-source.js'
import type { DimensionDef } from './types.js'

/** A value a dimension takes, with how many customers have it. */
export type DimensionValue = { value: string; customers: number }

/** The catalog as this database sees it: static metrics plus the data set's dimensions, values, dates and counts. */
export type DataCatalog = {
  metrics: readonly MetricDef[]
  dimensions: DimensionDef[]
  values: Record<string, DimensionValue[]>
  /** Numeric attributes: the built-in tenure and monthly revenue, plus those the data set imported. */
  measures: MeasureDef[]
  meta: DatasetMeta
  /** First signup date: the start of "all time". */
  dataStart: string
  /** The span in which the data observes churn (a snapshot file: its churn window). */
  coverage: Coverage
  counts: Record<'customers' | 'subscriptions' | 'churn_events' | 'mrr_history' | 'feedback' | 'tickets' | 'activity', number>
  /** Child rows an import kept row by row (usage records, subscriptions), with their typed fields. */
  details?: DetailSourceDef[]
  /** Metrics this data holds nothing to compute from (no NPS answers, tickets, usage or acquisition costs), with what is missing. */
  metricsWithoutData?: Array<{ metric: string; missing: MissingData }>
}

/** A kind of record a metric needs that a data set may not have. */
export type MissingData = 'nps_answers' | 'tickets' | 'usage' | 'acquisition_costs' | 'churn_events' | 'refunds' | 'churn_flag' | 'revenue'
