import { AppError } from '../errors.js'
import type { DimensionDef } from '../catalog/types.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { SegmentPlan } from './segment-sql.js'
import type { BandSpec } from '../catalog/measure.js'
import { bandDimension, thresholdFilter, type Threshold } from './band-dimension.js'

/** Finds a dimension by id, English/Chinese name or synonym (case-insensitive). */
export function findDimension(catalog: DataCatalog, key: string): DimensionDef | undefined {
  const k = key.trim().toLowerCase()
  return (
    catalog.dimensions.find((d) => d.id === k) ??
    catalog.dimensions.find((d) => [d.name.en, d.name.zh, ...d.synonyms.en, ...d.synonyms.zh].some((s) => s.toLowerCase() === k))
  )
}

/** Maps a raw value ("north america", "北美", "月付") to the stored value of a dimension, or undefined. */
export function resolveValue(catalog: DataCatalog, dim: DimensionDef, raw: string): string | undefined {
  const k = raw.trim().toLowerCase()
  const stored = catalog.values[dim.id] ?? []
  const exact = stored.find((v) => v.value.toLowerCase() === k)
  if (exact) return exact.value
  for (const [value, syn] of Object.entries(dim.values)) {
    if ([...(syn.en ?? []), ...(syn.zh ?? [])].some((s) => s.toLowerCase() === k)) return value
  }
  return undefined
}

/** Validates `by` and `where` against the catalog and returns a SegmentPlan; unknown names raise AppErrors listing valid ones. */
export function resolveSegments(catalog: DataCatalog, by: string[] = [], where: Record<string, string[]> = {}, numeric: { bands?: BandSpec[]; thresholds?: Threshold[] } = {}): SegmentPlan {
  const plan = resolveNamed(catalog, [...by], where)
  const bands = (numeric.bands ?? []).map((b) => bandDimension(catalog, b))
  if (plan.by.length + bands.length > 2) throw new AppError('bad_request', `Group by at most two dimensions or bands at once`)
  return { by: [...plan.by, ...bands], where: [...plan.where, ...(numeric.thresholds ?? []).map((t) => thresholdFilter(catalog, t))] }
}

function resolveNamed(catalog: DataCatalog, by: string[], where: Record<string, string[]>): SegmentPlan {
  if (by.length > 2) throw new AppError('bad_request', `Group by at most two dimensions at once (got ${by.length}: ${by.join(', ')})`)
  const dim = (id: string) => {
    const d = findDimension(catalog, id)
    if (!d) {
      throw new AppError('unknown_dimension', `Unknown dimension "${id}". Valid dimensions: ${catalog.dimensions.map((x) => x.id).join(', ')}`, {
        valid: catalog.dimensions.map((x) => x.id),
      })
    }
    return d
  }
  const byDims = by.map(dim)
  if (new Set(byDims.map((d) => d.id)).size !== byDims.length) throw new AppError('bad_request', 'The same dimension is listed twice in "by"')
  const filters = Object.entries(where).map(([id, raws]) => {
    const d = dim(id)
    const values = raws.map((raw) => {
      const v = resolveValue(catalog, d, raw)
      if (v === undefined) {
        const valid = (catalog.values[d.id] ?? []).map((x) => x.value)
        throw new AppError('unknown_value', `"${raw}" is not a value of ${d.name.en} (${d.id}). Valid values: ${valid.slice(0, 40).join(', ')}`, { dimension: d.id, valid })
      }
      return v
    })
    return { dim: d, values }
  })
  return { by: byDims, where: filters }
}
