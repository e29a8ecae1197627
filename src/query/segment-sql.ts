import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import type { DimensionDef } from '../catalog/types.js'
import { bandExpr, measureExpr } from './measure-sql.js'

/** Grouping and filtering of a query by catalog dimensions. */
export type SegmentPlan = { by: DimensionDef[]; where: Array<{ dim: DimensionDef; values: string[] }> }

/** Label used when a customer has no value for a dimension. */
export const NOT_SET = '(not set)'

/**
 * Adds the joins, filters, group-by columns (`g0`, `g1`) for a segment plan to a query
 * whose rows carry a customer id at `customerRef`. Column dimensions need the `customers`
 * table joined as `c`; attribute dimensions join customer_attributes once each.
 */
export function applySegments(qb: SelectQueryBuilder<any, any, any>, plan: SegmentPlan, customerRef: string): SelectQueryBuilder<any, any, any> {
  const dims = uniqueDims(plan)
  if (dims.some((d) => d.source.kind === 'column' || d.source.kind === 'band') && customerRef !== 'c.id') {
    qb = qb.innerJoin('customers as c', 'c.id', customerRef)
  }
  for (const d of dims) {
    if (d.source.kind !== 'attribute') continue
    const alias = `a_${d.id}`
    qb = qb.leftJoin(`customer_attributes as ${alias}`, (j) =>
      j.onRef(`${alias}.customer_id`, '=', customerRef).on(`${alias}.dimension`, '=', d.id),
    )
  }
  for (const { dim, values } of plan.where) {
    qb = qb.where(valueExpr(dim), 'in', values)
  }
  plan.by.forEach((d, i) => {
    qb = qb.select(sql`coalesce(${valueExpr(d)}, ${NOT_SET})`.as(`g${i}`)).groupBy(sql`coalesce(${valueExpr(d)}, ${NOT_SET})`)
  })
  return qb
}

/** The SQL expression holding a dimension's value. */
export function valueExpr(d: DimensionDef): RawBuilder<string> {
  if (d.source.kind === 'band') return bandExpr(measureExpr(d.source.measure, d.source.asOf), d.source.edges, d.source.labels) as RawBuilder<string>
  return d.source.kind === 'column' ? sql.ref<string>(`c.${d.source.column}`) : sql.ref<string>(`a_${d.id}.value`)
}

function uniqueDims(plan: SegmentPlan): DimensionDef[] {
  const seen = new Map<string, DimensionDef>()
  for (const d of [...plan.by, ...plan.where.map((w) => w.dim)]) seen.set(d.id, d)
  return [...seen.values()]
}
