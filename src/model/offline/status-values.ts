import type { Meaning } from './meaning.js'

/**
 * "How many customers stayed, how many churned, and how many just joined?": on data with a customer
 * status (Stayed / Churned / Joined), two or more of its values named in a question ask for the head
 * count of each status — a breakdown by it — even where a word also reads as "churned" or "retained".
 * Returns true when the meaning was turned into that breakdown.
 */
export function countByStatus(m: Meaning): boolean {
  const byDim = new Map<string, Set<string>>()
  for (const s of m.statusValues) byDim.set(s.dim, (byDim.get(s.dim) ?? new Set()).add(s.value))
  const dim = [...byDim].find(([, vs]) => vs.size >= 2)?.[0]
  // "stayed, churned or joined" may read as two sides to compare; sides that differ only in the status are its values.
  const sidesOnStatus = !!m.sides && m.sides.every((x) => Object.keys(x.filters).every((d) => d === dim))
  if (!dim || m.measures.length || m.band || (m.sides && !sidesOnStatus) || !['metric', 'none', 'compare'].includes(m.intent)) return false
  m.sides = undefined
  m.intent = 'metric'
  // "churn rate of those who stayed vs joined" asks the rate per status; otherwise the head count of each.
  m.metrics = m.rateWords && m.metrics.includes('churn_rate') ? ['churn_rate'] : ['active_customers']
  m.by = [dim, ...m.by.filter((d) => d !== dim)].slice(0, 2)
  delete m.filters[dim]
  for (const r of ['churned', 'retained', 'new', 'lose'] as const) m.roles.delete(r)
  m.churnedOnly = false
  return true
}

/**
 * "How many stayed, how many churned, how many joined?" split into clauses: clauses that each only count one
 * status value of the same dimension are one question about that dimension. Returns the clauses, those joined.
 */
export function joinStatusClauses(main: Meaning[]): Meaning[] {
  const counting = (m: Meaning) => m.statusValues.length > 0 && ['metric', 'none'].includes(m.intent) && !m.measures.length && !m.band && !m.by.length
  const parts = main.filter(counting)
  const dims = new Set(parts.flatMap((m) => m.statusValues.map((s) => s.dim)))
  if (parts.length < 2 || dims.size !== 1) return main
  const [first, ...rest] = parts
  for (const m of rest) {
    first.statusValues.push(...m.statusValues)
    first.rateWords ||= m.rateWords
    for (const [d, vs] of Object.entries(m.filters)) first.filters[d] = [...new Set([...(first.filters[d] ?? []), ...vs])]
    first.period ??= m.period
  }
  if (!countByStatus(first)) return main
  return main.filter((m) => !rest.includes(m))
}
