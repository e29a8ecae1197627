import type { Kysely } from 'kysely'
import type { DimensionDef } from '../catalog/types.js'
import { valueLabel } from '../catalog/value-label.js'
import { runFamily } from './families/family.js'
import type { QueryDeps } from './run-metric.js'
import { NOT_SET } from './segment-sql.js'

/** One of the data's own churn categories: churned customers in it and their share of all churned customers (percent). */
export type OwnCategory = { value: string; name: string; count: number; share: number }

/** The dimension holding the data's own churn category (IBM 11.1.3 "Churn Category"), when the data has one stored per customer. */
export function ownCategoryDimension(dims: DimensionDef[]): DimensionDef | undefined {
  return dims.find((d) => d.outcome === 'reason_category' && d.source.kind === 'attribute')
}

/**
 * How the churned customers split over the data's own churn categories: each customer counted once, in the
 * category stored for them; churners without one are counted as "(not set)". Largest first; shares of all churners.
 */
export async function ownReasonCategories(deps: QueryDeps, dim: DimensionDef, churned: string[], lang: 'en' | 'zh'): Promise<{ categories: OwnCategory[]; sql: string }> {
  const db = deps.db as unknown as Kysely<any>
  const r = await runFamily(db.selectFrom('customer_attributes').where('dimension', '=', dim.id).select(['customer_id', 'value']))
  const valueOf = new Map(r.rows.map((x) => [String(x.customer_id), String(x.value)]))
  const counts = new Map<string, number>()
  for (const id of new Set(churned)) {
    const v = valueOf.get(id) ?? NOT_SET
    counts.set(v, (counts.get(v) ?? 0) + 1)
  }
  const total = new Set(churned).size
  const categories = [...counts]
    .sort((a, b) => Number(a[0] === NOT_SET) - Number(b[0] === NOT_SET) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({ value, name: valueLabel(dim, value, lang), count, share: total ? Math.round((10000 * count) / total) / 100 : 0 }))
  return { categories, sql: r.sql }
}
