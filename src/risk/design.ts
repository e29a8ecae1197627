import { isOutcomeDerived } from '../catalog/measure.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { featureSource, numericFeatureIds } from './features.js'
import type { RawFeatures } from './features.js'
import type { History } from './load-history.js'

/** A model input column: a numeric feature, or one value of a dimension (1 when the customer has it). */
export type FeatureColumn =
  | { kind: 'numeric'; id: string; group: string }
  | { kind: 'level'; id: string; group: string; dim: string; value: string }

/** One prediction row: who, when, the raw features, the dimension values, the outcome (if known). */
export type Example = { customerId: string; date: string; raw: RawFeatures; dims: Record<string, string | null>; label: number; mrr: number }

// Related numeric features explain together ("tenure" is tenure_months + new_customer + tenure_over_12).
const groupOf: Record<string, string> = {
  tenure_months: 'tenure', new_customer: 'tenure', tenure_over_12: 'tenure',
  log_mrr: 'mrr_level', mrr_change_3m: 'mrr_change', contraction_3m: 'mrr_change',
  logins_3m: 'engagement', login_trend: 'engagement', logins_per_seat: 'engagement', feature_use_trend: 'engagement', months_inactive: 'inactivity',
  tickets_3m: 'tickets', billing_tickets_3m: 'billing', open_tickets: 'tickets', resolution_hours_6m: 'resolution',
  nps_last: 'nps', nps_detractor: 'nps', low_review: 'review', reactivated: 'reactivated',
}


/**
 * Chooses the columns from what the data holds: numeric features whose table has rows, numeric
 * measures (snapshot data only: they carry no date), and every dimension value held by at least
 * 0.5% of the training rows (rarer values share the all-zero "other" pattern).
 */
export function chooseColumns(catalog: DataCatalog, history: Pick<History, 'has' | 'measureNames'>, train: Example[], mode: 'dated' | 'snapshot'): FeatureColumn[] {
  const cols: FeatureColumn[] = []
  for (const id of numericFeatureIds) {
    const src = featureSource[id]
    if (src === 'always' || history.has[src]) cols.push({ kind: 'numeric', id, group: groupOf[id] })
  }
  if (mode === 'snapshot') for (const m of history.measureNames) if (!isOutcomeDerived(m)) cols.push({ kind: 'numeric', id: `measure:${m}`, group: `measure:${m}` })
  const minRows = Math.max(10, train.length * 0.005)
  for (const d of catalog.dimensions) {
    // A customer status or the data's churn category is the outcome itself, not a predictor of it.
    if (d.outcome) continue
    const counts = new Map<string, number>()
    for (const e of train) {
      const v = e.dims[d.id]
      if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    const kept = [...counts].filter(([, n]) => n >= minRows && n < train.length).sort((a, b) => b[1] - a[1]).slice(0, 30)
    if (mode === 'dated' && kept.length) cols.push({ kind: 'numeric', id: `segrate:${d.id}`, group: `dim:${d.id}` })
    for (const [value] of kept) cols.push({ kind: 'level', id: `${d.id}=${value}`, group: `dim:${d.id}`, dim: d.id, value })
  }
  return cols
}

/** The raw input vector of an example for the given columns (NaN where unknown). */
export function vectorise(e: Pick<Example, 'raw' | 'dims'>, cols: FeatureColumn[]): Float64Array {
  const x = new Float64Array(cols.length)
  cols.forEach((c, j) => {
    x[j] = c.kind === 'numeric' ? (e.raw[c.id] ?? NaN) : e.dims[c.dim] === c.value ? 1 : 0
  })
  return x
}
