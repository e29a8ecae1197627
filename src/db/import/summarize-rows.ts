import type { MappingSummary } from './mapping-schema.js'
import { parseNumber } from './parse-values.js'
import type { RowError } from './parse-row.js'
import type { Table } from './read-table.js'

/** A summary file as read: its rows, and (with `via`) the file that leads from its key to the customer. */
export type SummaryTables = { table: Table; via?: Table }

/** Per customer, the values of every summary measure; customers missing from the map have no rows in the file. */
export type CustomerSummaries = Map<string, Array<{ measure: string; value: number }>>

/**
 * Folds a file with several rows per customer into one value per customer and measure: a count
 * of rows, the sum or mean of a column, or the number of rows where a column is above 0, over
 * every row or only those where a `filled` column is not blank. Counts
 * and sums are 0 for a customer without rows (no tickets is 0 tickets); a mean without any
 * non-blank value is unknown. Cells that are not numbers are errors naming the file and line.
 */
export function summarizeRows(summary: MappingSummary, tables: SummaryTables, customerIds: Iterable<string>, errors: RowError[]): CustomerSummaries {
  const { table, via } = tables
  const keyAt = table.columns.indexOf(summary.on)
  if (keyAt < 0) throw new Error(`${table.file}: column "${summary.on}" is not in that file`)
  // The customer of each row: its key directly, or the key looked up in the file in between.
  let customerOf = (key: string): string | undefined => key
  if (summary.via && via) {
    const viaKey = via.columns.indexOf(summary.via.key)
    const viaOn = via.columns.indexOf(summary.via.on)
    if (viaKey < 0 || viaOn < 0) throw new Error(`${via.file}: columns "${summary.via.key}" and "${summary.via.on}" are needed`)
    const owner = new Map<string, string>()
    for (const r of via.rows) owner.set((r[viaKey] ?? '').trim(), (r[viaOn] ?? '').trim())
    customerOf = (key) => owner.get(key)
  }
  const columns = summary.measures.map((x) => (x.column ? table.columns.indexOf(x.column) : -1))
  const filled = summary.measures.map((x) => (x.filled ? table.columns.indexOf(x.filled) : -1))
  summary.measures.forEach((x, i) => {
    if (x.column && columns[i] < 0) throw new Error(`${table.file}: column "${x.column}" is not in that file`)
    if (x.filled && filled[i] < 0) throw new Error(`${table.file}: column "${x.filled}" is not in that file`)
  })
  // Per customer and measure: [total, rows counted].
  const acc = new Map<string, Array<[number, number]>>()
  for (let row = 0; row < table.rows.length; row++) {
    const r = table.rows[row]
    const customer = customerOf((r[keyAt] ?? '').trim())
    if (!customer) continue
    let sums = acc.get(customer)
    if (!sums) acc.set(customer, (sums = summary.measures.map(() => [0, 0])))
    for (let i = 0; i < summary.measures.length; i++) {
      const x = summary.measures[i]
      if (filled[i] >= 0 && (r[filled[i]] ?? '').trim() === '') continue
      if (x.aggregate === 'count') { sums[i][0]++; continue }
      const text = r[columns[i]] ?? ''
      const parsed = parseNumber(text)
      if (!parsed.ok) {
        if (errors.length < 20) errors.push({ line: table.lines[row], column: x.column as string, message: `${table.file}: expected a number, got ${JSON.stringify(text)}` })
        continue
      }
      if (parsed.value === null) continue // blank: unknown, left out of sums and means
      if (x.aggregate === 'count_positive') sums[i][0] += parsed.value > 0 ? 1 : 0
      else sums[i][0] += parsed.value
      sums[i][1]++
    }
  }
  const out: CustomerSummaries = new Map()
  for (const id of customerIds) {
    const sums = acc.get(id)
    const values: Array<{ measure: string; value: number }> = []
    summary.measures.forEach((x, i) => {
      if (x.aggregate === 'mean') {
        if (sums && sums[i][1] > 0) values.push({ measure: x.id, value: sums[i][0] / sums[i][1] })
      } else values.push({ measure: x.id, value: sums ? sums[i][0] : 0 })
    })
    out.set(id, values)
  }
  return out
}
