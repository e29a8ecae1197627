import type { DataCatalog } from '../catalog/data-catalog.js'
import { findDimension, resolveValue } from '../query/resolve-segments.js'
import type { ToolFailure } from '../tools/tool-deps.js'
import type { Scope } from './principal.js'

/** A dimension filter as tools take it. */
export type Filter = { dimension: string; values: string[] }

/** Why a scoped question could not run: as tool data, so the model (and the offline analyst) can say so. */
export function outOfScope(scope: Scope, lang: 'en' | 'zh', what?: string): ToolFailure {
  const label = Object.entries(scope).map(([d, v]) => `${d}: ${v.join(', ')}`).join('; ')
  return {
    error: {
      code: 'out_of_scope',
      message: lang === 'zh' ? `您的数据范围仅限 ${label}${what ? `，不包括 ${what}` : ''}。` : `Your access is limited to ${label}${what ? `; ${what} is outside it` : ''}.`,
    },
  }
}

/**
 * Narrows a filter list to the scope: a filter on a scoped dimension keeps only the values inside
 * the scope (none left → out of scope); a scoped dimension without a filter gets the scope's values.
 */
export function scopeFilters(catalog: DataCatalog, filters: Filter[] | undefined, scope: Scope, lang: 'en' | 'zh'): Filter[] | ToolFailure {
  const out: Filter[] = []
  const scoped = new Map<string, string[]>()
  for (const [dimKey, values] of Object.entries(scope)) {
    const dim = findDimension(catalog, dimKey)
    // A scope on a dimension this data set lacks would silently show everything: refuse instead.
    if (!dim) return outOfScope(scope, lang)
    scoped.set(dim.id, values.map((v) => resolveValue(catalog, dim, v) ?? v))
  }
  for (const f of filters ?? []) {
    const dim = findDimension(catalog, f.dimension)
    const allowed = dim ? scoped.get(dim.id) : undefined
    if (!dim || !allowed) {
      out.push(f)
      continue
    }
    const kept = f.values.filter((v) => allowed.includes(resolveValue(catalog, dim, v) ?? v))
    if (!kept.length) return outOfScope(scope, lang, f.values.join(', '))
    out.push({ dimension: dim.id, values: kept })
  }
  for (const [dim, values] of scoped) if (!out.some((f) => f.dimension === dim)) out.push({ dimension: dim, values })
  return out
}

