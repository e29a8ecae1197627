import { AppError } from '../../errors.js'
import type { Table } from './read-table.js'

/** What a one-to-one join added and how many rows found no partner. */
export type JoinReport = { file: string; added: string[]; unmatched: number }

/**
 * Appends the columns of `other` to `main`, matching rows on a key column (one-to-one or
 * many-to-one: each key at most once in `other`). Columns `main` already has are skipped
 * (keys and repeated columns such as IBM's Count); a row with no partner gets blank cells.
 */
export function joinTables(main: Table, other: Table, on: { column: string; fileColumn: string }): { table: Table; report: JoinReport } {
  const left = main.columns.indexOf(on.column)
  const right = other.columns.indexOf(on.fileColumn)
  if (left < 0) throw new AppError('import_failed', `join ${other.file}: column "${on.column}" is not in the data joined so far (${main.columns.map((c) => JSON.stringify(c)).join(', ')})`)
  if (right < 0) throw new AppError('import_failed', `join ${other.file}: column "${on.fileColumn}" is not in that file (${other.columns.map((c) => JSON.stringify(c)).join(', ')})`)
  const byKey = new Map<string, string[]>()
  other.rows.forEach((r, i) => {
    const k = (r[right] ?? '').trim()
    if (k === '') return
    if (byKey.has(k)) throw new AppError('import_failed', `join ${other.file}: line ${other.lines[i]}: key ${JSON.stringify(k)} in "${on.fileColumn}" appears more than once; a joined file needs one row per key`)
    byKey.set(k, r)
  })
  const keep = other.columns.map((c, i) => ({ c, i })).filter(({ c }) => !main.columns.includes(c))
  let unmatched = 0
  const blank = keep.map(() => '')
  const rows = main.rows.map((r) => {
    const partner = byKey.get((r[left] ?? '').trim())
    if (!partner) unmatched++
    return r.concat(partner ? keep.map(({ i }) => partner[i] ?? '') : blank)
  })
  const table: Table = { ...main, columns: main.columns.concat(keep.map(({ c }) => c)), rows }
  return { table, report: { file: other.file, added: keep.map(({ c }) => c), unmatched } }
}

/** Row indexes of `table` per key of `column` (for one-to-many files: churn events, subscriptions). */
export function groupRows(table: Table, column: string): Map<string, number[]> {
  const at = table.columns.indexOf(column)
  if (at < 0) throw new AppError('import_failed', `${table.file}: column "${column}" is not in that file (${table.columns.map((c) => JSON.stringify(c)).join(', ')})`)
  const out = new Map<string, number[]>()
  table.rows.forEach((r, i) => {
    const k = (r[at] ?? '').trim()
    if (k === '') return
    const list = out.get(k)
    if (list) list.push(i)
    else out.set(k, [i])
  })
  return out
}
