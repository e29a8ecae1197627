import type { ImportWarning } from './import-warnings.js'
import type { Mapping } from './mapping-schema.js'
import type { Table } from './read-table.js'

/** The key two spellings of one value share: case, spaces, hyphens and underscores ignored. */
export function spellingKey(value: string): string {
  return value.toLowerCase().replace(/[\s\-_]+/g, '')
}

/** Dimension columns whose values differ only in case, spaces or hyphens ("Month-to-month" / "month to month"). */
export function spellingVariants(m: Mapping, table: Table): ImportWarning[] {
  const out: ImportWarning[] = []
  for (const d of m.dimensions) {
    const at = table.columns.indexOf(d.sourceColumn)
    // Distinct values first: keying every cell of a 100,000-row file costs more than the import.
    const distinct = new Set<string>()
    for (const r of table.rows) distinct.add(r[at] ?? '')
    const groups = new Map<string, Set<string>>()
    for (const v of distinct) {
      if (v.trim() === '') continue
      const k = spellingKey(v.trim())
      let g = groups.get(k)
      if (!g) groups.set(k, (g = new Set()))
      if (g.size < 5) g.add(v)
    }
    const variants = [...groups.values()].filter((g) => g.size > 1).map((g) => [...g])
    if (variants.length > 0) out.push({ kind: 'spelling_variants', column: d.sourceColumn, groups: variants.slice(0, 5) })
  }
  return out
}
