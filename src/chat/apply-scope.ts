import type { Scope } from '../auth/principal.js'
import { outOfScope, scopeFilters, type Filter } from '../auth/scope-filters.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { findDimension, resolveValue } from '../query/resolve-segments.js'
import type { ToolFailure } from '../tools/tool-deps.js'

type Segment = { label?: string; status?: 'churned' | 'retained' | 'any'; filters?: Filter[] }

function failed(v: unknown): v is ToolFailure {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'error' in v
}

/**
 * The tool input with the principal's scope applied, or a failure to return instead of running.
 * Every tool that reads customers takes `filters` (compare_segments: per segment); when segment b
 * is "everyone else", it is spelled out inside the scope so the complement never leaves it.
 */
export function scopeToolInput(toolName: string, input: Record<string, unknown>, catalog: DataCatalog, scope: Scope): Record<string, unknown> | ToolFailure {
  const lang = input.language === 'zh' ? 'zh' : 'en'
  if (toolName === 'describe_data') return input
  if (toolName !== 'compare_segments') {
    const filters = scopeFilters(catalog, input.filters as Filter[] | undefined, scope, lang)
    return failed(filters) ? filters : { ...input, filters }
  }
  const a = input.a as Segment
  let b = input.b as Segment | undefined
  if (!b && (a.status ?? 'any') === 'any') {
    const own = a.filters ?? []
    const dims = [...new Set(own.map((f) => findDimension(catalog, f.dimension)?.id ?? f.dimension))]
    if (dims.length !== 1) {
      return { error: { code: 'bad_request', message: lang === 'zh' ? '请分别说明要比较的两个客户群（a 和 b）。' : 'Describe both segments (a and b) to compare within your scope.' } }
    }
    const dim = findDimension(catalog, dims[0])!
    const mine = new Set(own.flatMap((f) => f.values.map((v) => resolveValue(catalog, dim, v) ?? v)))
    const rest = (catalog.values[dim.id] ?? []).map((v) => v.value).filter((v) => !mine.has(v))
    if (!rest.length) return outOfScope(scope, lang)
    b = { label: lang === 'zh' ? '其他客户' : 'Everyone else', status: 'any', filters: [{ dimension: dim.id, values: rest }] }
  }
  const fa = scopeFilters(catalog, a.filters, scope, lang)
  if (failed(fa)) return fa
  const sb = b ? scopeFilters(catalog, b.filters, scope, lang) : undefined
  if (failed(sb)) {
    // "everyone else" inside the scope is empty: say so rather than comparing with outsiders.
    return sb
  }
  return { ...input, a: { ...a, filters: fa }, ...(b ? { b: { ...b, filters: sb } } : {}) }
}

/** describe_data's dimension values narrowed to the scope, so it does not list what the user cannot query. */
export function scopeDescription(output: unknown, scope: Scope): unknown {
  const o = output as { dimensions?: Array<{ id: string; values: string[]; moreValues?: number }> }
  if (!o || !Array.isArray(o.dimensions)) return output
  return {
    ...o,
    dimensions: o.dimensions.map((d) => {
      const allowed = scope[d.id]
      if (!allowed) return d
      const { moreValues: _more, ...rest } = d
      return { ...rest, values: allowed }
    }),
  }
}
