import type { Mapping } from './mapping-schema.js'
import { parseDateCell, parseNumber } from './parse-values.js'
import type { RowError } from './parse-row.js'
import type { Table } from './read-table.js'

/** One support ticket of a customer, as the tickets table stores it. */
export type ImportedTicket = { opened: string; category: string; hours: number | null }

/**
 * Reads a support-tickets file into tickets per customer: the opening date (a date-time keeps
 * its day), the category (or priority) and the hours to resolve (blank while open). Rows of
 * customers not in the data are counted, not stored; bad cells are errors naming file and line.
 */
export function readTickets(spec: NonNullable<Mapping['tickets']>, table: Table, errors: RowError[]): { byCustomer: Map<string, ImportedTicket[]>; rows: number } {
  const at = (c: string | undefined) => (c === undefined ? -1 : table.columns.indexOf(c))
  const key = at(spec.on)
  const opened = at(spec.openedColumn)
  const hours = at(spec.hoursColumn)
  const category = at(spec.categoryColumn)
  const missing = [spec.on, spec.openedColumn, spec.hoursColumn, spec.categoryColumn].filter((c) => c !== undefined && at(c) < 0)
  if (missing.length > 0) throw new Error(`${table.file}: ${missing.map((c) => `"${c}"`).join(', ')} not in that file`)
  const byCustomer = new Map<string, ImportedTicket[]>()
  for (let row = 0; row < table.rows.length; row++) {
    const r = table.rows[row]
    const id = (r[key] ?? '').trim()
    if (id === '') continue
    // Date-times ("2023-07-28 03:00:00") are read by their date.
    const day = parseDateCell((r[opened] ?? '').trim().slice(0, 10), spec.format)
    const h = hours >= 0 ? parseNumber(r[hours] ?? '') : { ok: true as const, value: null }
    if (!day.ok || !h.ok) {
      if (errors.length < 20) errors.push({ line: table.lines[row], column: !day.ok ? spec.openedColumn : (spec.hoursColumn as string), message: `${table.file}: expected ${!day.ok ? day.expected : 'a number of hours'}` })
      continue
    }
    const list = byCustomer.get(id) ?? []
    list.push({ opened: day.value, category: category >= 0 ? (r[category] ?? '').trim() || 'support' : 'support', hours: h.value })
    byCustomer.set(id, list)
  }
  return { byCustomer, rows: table.rows.length }
}
