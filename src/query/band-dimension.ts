import { bandLabels, type BandEdge, type BandSpec } from '../catalog/measure.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { DimensionDef } from '../catalog/types.js'
import { AppError } from '../errors.js'

/** A threshold on a numeric attribute: "balance over 100k" = { measure: 'balance', op: '>', value: 100000 }. */
export type Threshold = { measure: string; op: '>' | '>=' | '<' | '<='; value: number }

function measureOf(catalog: DataCatalog, id: string) {
  const m = catalog.measures.find((x) => x.id === id)
  if (!m) {
    const valid = catalog.measures.map((x) => x.id)
    throw new AppError('unknown_dimension', `Unknown numeric attribute "${id}". Valid: ${valid.join(', ')}`, { valid })
  }
  return m
}

/** A band spec as a dimension the segment SQL can group by. Edges are sorted; at most 12 bands. */
export function bandDimension(catalog: DataCatalog, spec: BandSpec): DimensionDef {
  const m = measureOf(catalog, spec.measure)
  // Whole-number attributes: "over 24" and "25 or more" are the same cut; normalise so no band comes out empty.
  const normal = m.integer ? spec.edges.map((e) => ({ at: e.equalBelow ? Math.floor(e.at) + 1 : Math.ceil(e.at) })) : spec.edges
  const edges = [...normal].sort((a, b) => a.at - b.at).filter((e, i, all) => i === 0 || e.at !== all[i - 1].at)
  if (!edges.length || edges.length > 11) throw new AppError('bad_request', 'A band needs between 1 and 11 cut points')
  if (edges.some((e) => !Number.isFinite(e.at))) throw new AppError('bad_request', 'Band cut points must be numbers')
  const labels = bandLabels(edges, m.integer, spec.range)
  return {
    id: `${m.id}_band`,
    source: { kind: 'band', measure: m, edges, labels, asOf: catalog.meta.asOf },
    name: { en: `${m.name.en} band`, zh: `${m.name.zh}分段` },
    synonyms: { en: [], zh: [] },
    values: {},
    description: `${m.name.en} in bands`,
  }
}

/** A threshold as a filter: a one-edge band and the side of it that is kept. */
export function thresholdFilter(catalog: DataCatalog, t: Threshold): { dim: DimensionDef; values: string[] } {
  const edge: BandEdge = { at: t.value, equalBelow: t.op === '>' || t.op === '<=' }
  const dim = bandDimension(catalog, { measure: t.measure, edges: [edge] })
  const labels = (dim.source as { labels: string[] }).labels
  const keep = t.op === '>' || t.op === '>=' ? labels[1] : labels[0]
  return { dim: { ...dim, id: `${dim.id}_${t.op}_${t.value}` }, values: [keep] }
}

/** Suggested cut points when a question asks for bands without giving them: round quantile-like steps of the data's range. */
export function defaultEdges(min: number, max: number, integer: boolean): BandEdge[] {
  if (!(max > min)) return [{ at: max }]
  const span = max - min
  const raw = span / 5
  const pow = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((k) => k * pow).find((s) => s >= raw) ?? raw
  const first = Math.ceil((min + (integer ? 1 : 0)) / step) * step
  const out: BandEdge[] = []
  for (let v = first; v < max && out.length < 6; v += step) out.push({ at: Number(v.toPrecision(12)) })
  return out.length ? out : [{ at: Number(((min + max) / 2).toPrecision(6)) }]
}
