import { AppError } from '../errors.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { SegmentCondition, SegmentStatus } from './compare-segments-sql.js'
import { resolveSegments } from './resolve-segments.js'

/** A segment as compare_segments takes it: optional label, status and dimension filters. */
export type SegmentInput = { label?: string; status?: SegmentStatus; filters?: Array<{ dimension: string; values: string[] }> }

/** A validated segment: its SQL condition and its display label. */
export type ResolvedSegment = SegmentCondition & { label: string }

const statusLabel = { churned: { en: 'Churned', zh: '流失客户' }, retained: { en: 'Retained', zh: '留存客户' } }

/**
 * Validates both segments against the catalog (unknown dimensions/values raise AppErrors) and
 * derives b when omitted: the other status when a has one (keeping a's filters), otherwise
 * everyone whose values do not match a's filters.
 */
export function resolveComparison(catalog: DataCatalog, a: SegmentInput, b: SegmentInput | undefined, lang: 'en' | 'zh'): { a: ResolvedSegment; b: ResolvedSegment } {
  const ra = resolveOne(catalog, a, lang)
  if (b) return { a: ra, b: resolveOne(catalog, b, lang) }
  if (ra.status !== 'any') {
    const status: SegmentStatus = ra.status === 'churned' ? 'retained' : 'churned'
    const cond = { status, filters: ra.filters, negateFilters: false }
    return { a: ra, b: { ...cond, label: label(cond, lang) } }
  }
  if (!ra.filters.length) {
    throw new AppError('bad_request', 'Segment "a" is every customer, so "everyone else" is empty: give a status or filters for a, or describe segment b')
  }
  return { a: ra, b: { status: 'any', filters: ra.filters, negateFilters: true, label: lang === 'zh' ? '其他客户' : 'Everyone else' } }
}

function resolveOne(catalog: DataCatalog, s: SegmentInput, lang: 'en' | 'zh'): ResolvedSegment {
  const where: Record<string, string[]> = {}
  for (const f of s.filters ?? []) where[f.dimension] = [...(where[f.dimension] ?? []), ...f.values]
  const filters = resolveSegments(catalog, [], where).where
  const cond: SegmentCondition = { status: s.status ?? 'any', filters, negateFilters: false }
  return { ...cond, label: s.label?.trim() || label(cond, lang) }
}

/** "Churned · Region: North, South", "套餐: A", "All customers". */
function label(c: SegmentCondition, lang: 'en' | 'zh'): string {
  const parts: string[] = []
  if (c.status !== 'any') parts.push(statusLabel[c.status][lang])
  for (const f of c.filters) parts.push(`${f.dim.name[lang]}: ${f.values.join(', ')}`)
  return parts.join(' · ') || (lang === 'zh' ? '全部客户' : 'All customers')
}
