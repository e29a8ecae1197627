import type { MappingDetail } from './mapping-schema.js'
import { flagKey, parseNumber, yesNoValue } from './parse-values.js'
import type { RowError } from './parse-row.js'
import type { Table } from './read-table.js'

/** One detail row ready to write: its customer, its own end (null: not recorded) and its typed cells. */
export type DetailRow = { customer: string; ended: boolean | null; values: Array<{ field: string; num: number | null; text: string | null }> }

/** A detail source as read: its declaration and rows; rows naming no known customer are counted, not kept. */
export type PreparedDetail = { detail: MappingDetail; rows: DetailRow[]; withoutCustomer: number }

/**
 * Reads a child file row by row into typed cells: numbers parsed (blank = unknown), yes/no
 * cells as "Yes"/"No", categories as their trimmed text. A row reaches its customer through its
 * key column, or (with `via`) through the file in between. A cell that is not a number where one
 * is declared is an error naming the file and line.
 */
export function readDetails(detail: MappingDetail, table: Table, via: Table | undefined, customers: Set<string>, errors: RowError[]): PreparedDetail {
  const at = (t: Table, c: string) => {
    const i = t.columns.indexOf(c)
    if (i < 0) throw new Error(`${t.file}: column "${c}" is not in that file`)
    return i
  }
  const keyAt = at(table, detail.on)
  let customerOf = (key: string): string | undefined => key
  if (detail.via && via) {
    const viaKey = at(via, detail.via.key)
    const viaOn = at(via, detail.via.on)
    const owner = new Map<string, string>()
    for (const r of via.rows) owner.set((r[viaKey] ?? '').trim(), (r[viaOn] ?? '').trim())
    customerOf = (key) => owner.get(key)
  }
  const fields = detail.fields.map((f) => ({ f, i: at(table, f.column), yes: new Set((f.trueValues ?? []).map(flagKey)) }))
  const ended = detail.ended
  const endedAt = ended ? at(table, 'flagColumn' in ended ? ended.flagColumn : ended.filledColumn) : -1
  const endedYes = ended && 'flagColumn' in ended ? new Set(ended.trueValues.map(flagKey)) : undefined
  const rows: DetailRow[] = []
  let withoutCustomer = 0
  table.rows.forEach((r, row) => {
    const customer = customerOf((r[keyAt] ?? '').trim())
    if (!customer || !customers.has(customer)) { withoutCustomer++; return }
    const cell = (i: number) => (r[i] ?? '').trim()
    const values: DetailRow['values'] = []
    for (const { f, i, yes } of fields) {
      const text = cell(i)
      if (text === '') continue
      if (f.kind === 'number') {
        const parsed = parseNumber(text)
        if (!parsed.ok) {
          if (errors.length < 20) errors.push({ line: table.lines[row], column: f.column, message: `${table.file}: expected a number, got ${JSON.stringify(text)}` })
          continue
        }
        if (parsed.value !== null) values.push({ field: f.id, num: parsed.value, text: null })
      } else if (f.kind === 'yes_no') {
        values.push({ field: f.id, num: null, text: yes.size > 0 ? (yes.has(flagKey(text)) ? 'Yes' : 'No') : (yesNoValue(text) ?? text) })
      } else values.push({ field: f.id, num: null, text })
    }
    const end = endedAt < 0 ? null : endedYes ? endedYes.has(flagKey(cell(endedAt))) : cell(endedAt) !== ''
    rows.push({ customer, ended: end, values })
  })
  return { detail, rows, withoutCustomer }
}
