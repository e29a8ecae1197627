import type { Role } from './function-words.js'
import type { Filters, Side } from './meaning.js'

type Value = { dim: string; value: string }

/**
 * The two sides of a comparison, when the clause compares: churned vs retained customers
 * ("how do churned customers differ from those who stayed"), or two values ("Starter vs
 * Enterprise", "欧洲和北美哪个更高"). Other values filter both sides. `used` are the values consumed.
 */
export function pickSides<V extends Value>(values: V[], roles: Set<Role>): { sides: Side[]; used: Set<V> } | undefined {
  const contrast = roles.has('compare') || roles.has('than')
  const all = new Set(values)
  if (roles.has('churned') && (roles.has('retained') || contrast)) {
    const shared = filtersOf(values)
    return { sides: [{ status: 'churned', filters: shared }, { status: 'retained', filters: shared }], used: all }
  }
  if (roles.has('retained') && contrast) {
    const shared = filtersOf(values)
    return { sides: [{ status: 'retained', filters: shared }, { status: 'churned', filters: shared }], used: all }
  }
  if (!contrast) return undefined
  if (values.length >= 2) {
    const sameDim = values.find((v, i) => values.some((w, j) => j > i && w.dim === v.dim && w.value !== v.value))
    const a = sameDim ?? values[0]
    const b = sameDim ? values.find((w) => w !== a && w.dim === a.dim && w.value !== a.value)! : values[1]
    const shared = filtersOf(values.filter((v) => v !== a && v !== b && v.dim !== a.dim))
    return { sides: [{ filters: { ...shared, [a.dim]: [a.value] } }, { filters: { ...shared, [b.dim]: [b.value] } }], used: all }
  }
  if (values.length === 1 && roles.has('rest')) return { sides: [{ filters: filtersOf(values) }], used: all }
  return undefined
}

function filtersOf(values: Value[]): Filters {
  const out: Filters = {}
  for (const v of values) if (!(out[v.dim] ?? []).includes(v.value)) out[v.dim] = [...(out[v.dim] ?? []), v.value]
  return out
}
