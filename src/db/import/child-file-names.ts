import { basename, extname } from 'node:path'
import { lookupColumn } from './column-dictionary.js'
import type { ColumnProfile } from './profile-columns.js'
import type { Table } from './read-table.js'

// Naming helpers shared by the inference of per-customer summaries and of detail rows from child files.

/** A key column: only text columns are ever unique by accident in a small file, so names decide. */
export const isKey = (p: ColumnProfile) => lookupColumn(p.name)?.role === 'id' || /(^|_)(id|key|no|number)$/i.test(p.name)

/** A file's name without folder and extension, lower case. */
export const stem = (t: Table) => basename(t.file, extname(t.file)).toLowerCase()

/** "feature_usage" → "Feature usage". */
export function title(s: string): string {
  const t = s.replace(/[_]+/g, ' ').trim()
  return t.charAt(0).toUpperCase() + t.slice(1)
}

/** The prefix every file name of the set shares ("ravenstack_"), cut at a separator. */
export function commonPrefix(names: string[]): string {
  if (names.length < 2) return ''
  let p = names[0]
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1)
  const cut = Math.max(p.lastIndexOf('_'), p.lastIndexOf('-'), p.lastIndexOf(' '))
  return cut >= 0 ? p.slice(0, cut + 1) : ''
}
