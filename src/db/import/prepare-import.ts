import { basename, dirname, isAbsolute, resolve } from 'node:path'
import { addDays } from '../../time/dates.js'
import { AppError } from '../../errors.js'
import { referencedColumns } from './column-index.js'
import type { ImportWarning } from './import-warnings.js'
import { groupRows, joinTables } from './join-tables.js'
import type { Mapping } from './mapping-schema.js'
import { createRowParser, formatRowError, type ImportedCustomer, type ParseCounters, type RelatedRows, type RowError } from './parse-row.js'
import { readTable, type Table } from './read-table.js'
import { sourceDisagreements } from './source-disagreements.js'
import { snapshotWindow } from './tenure-dates.js'
import { spellingVariants } from './spelling-variants.js'
import { readTickets } from './read-tickets.js'
import { type PreparedDetail, readDetails } from './read-details.js'
import { type SummaryTables, summarizeRows } from './summarize-rows.js'

/** Stop collecting after this many errors: enough to see a pattern, short enough to read. */
export const maxReportedErrors = 20

/** Everything an import would write, with what it noticed: the dry run prints it, the import writes it. */
export type PreparedImport = {
  mapping: Mapping
  customers: ImportedCustomer[]
  churned: number
  /** `snapshot` (flag or status over a window) or `dated` (churn dates). */
  dataKind: 'snapshot' | 'dated'
  /** The span [from, to) over which churn is observed. */
  window: { from: string; to: string }
  warnings: ImportWarning[]
  /** Rows read from the main file. */
  rows: number
  /** Child rows kept as typed detail rows (usage rows, subscriptions). */
  details: PreparedDetail[]
}

/** Options for prepareImport. */
export type PrepareOptions = {
  onProgress?: (stage: string, rowsDone: number) => void
  /** Files already read (by proposeMapping), used instead of reading them again. */
  tables?: Table[]
}

const progressEvery = 5000

/**
 * Reads the data file (and the files the mapping joins), validates every row and builds the
 * customers to write. Bad rows are collected; at the end (or after 20) one AppError lists
 * them, so nothing is written. Warnings are facts the import accepted.
 */
export async function prepareImport(file: string, mapping: Mapping, opts: PrepareOptions = {}): Promise<PreparedImport> {
  const warnings: ImportWarning[] = []
  const near = (f: string) => (isAbsolute(f) ? f : resolve(dirname(file), f))
  const read = async (f: string) => {
    const t = opts.tables?.find((x) => resolve(x.file) === resolve(f)) ?? (await readTable(f))
    if (t.bom) warnings.push({ kind: 'bom', file: basename(f) })
    if (t.encoding === 'gb18030') warnings.push({ kind: 'encoding', file: basename(f), encoding: 'gb18030' })
    return t
  }
  let table = await read(file)
  for (const j of mapping.join) {
    const other = await read(near(j.file))
    const on = typeof j.on === 'string' ? { column: j.on, fileColumn: j.on } : j.on
    const joined = joinTables(table, other, on)
    table = joined.table
    if (joined.report.unmatched > 0) warnings.push({ kind: 'join_unmatched', file: basename(other.file), count: joined.report.unmatched })
  }
  opts.onProgress?.('read', table.rows.length)
  const related: RelatedRows = {}
  if ('events' in mapping.churn) {
    const t = await read(near(mapping.churn.events.file))
    related.events = { table: t, byKey: groupRows(t, mapping.churn.events.on) }
  }
  if (mapping.mrr && 'file' in mapping.mrr) {
    const t = await read(near(mapping.mrr.file))
    related.subscriptions = { table: t, byKey: groupRows(t, mapping.mrr.on) }
  }

  const counters: ParseCounters = { churnedWithoutTenure: 0, churnedBeforeSignup: 0, datedOnAsOf: 0 }
  const parse = createRowParser(mapping, table, related, counters)
  const customers: ImportedCustomer[] = []
  const errors: RowError[] = []
  const firstLine = new Map<string, number>()
  const idColumn = mapping.customerId
  for (let i = 0; i < table.rows.length; i++) {
    if ((i + 1) % progressEvery === 0) opts.onProgress?.('checked', i + 1)
    const parsed = parse(i)
    if (Array.isArray(parsed)) errors.push(...parsed)
    else {
      const seen = firstLine.get(parsed.id)
      if (seen !== undefined) errors.push({ line: table.lines[i], column: idColumn, message: `duplicate customer id ${JSON.stringify(parsed.id)} (first on line ${seen})` })
      else {
        firstLine.set(parsed.id, table.lines[i])
        customers.push(parsed)
      }
    }
    if (errors.length >= maxReportedErrors) throw importError(errors.slice(0, maxReportedErrors), true)
  }
  if (errors.length > 0) throw importError(errors, false)
  if (table.rows.length === 0) throw new AppError('import_failed', 'The file has a header but no data rows: nothing to import.')

  // Files with several rows per customer: per-customer figures (measures) and support tickets.
  const ids = customers.map((c) => c.id)
  const byId = new Map(customers.map((c) => [c.id, c]))
  for (const summary of mapping.summaries) {
    const tables: SummaryTables = { table: await read(near(summary.file)), via: summary.via ? await read(near(summary.via.file)) : undefined }
    for (const [id, values] of summarizeRows(summary, tables, ids, errors)) byId.get(id)?.measures.push(...values)
  }
  if (mapping.tickets) {
    const t = await read(near(mapping.tickets.file))
    const { byCustomer } = readTickets(mapping.tickets, t, errors)
    let unmatched = 0
    for (const [id, tickets] of byCustomer) {
      const c = byId.get(id)
      if (c) c.tickets = tickets
      else unmatched += tickets.length
    }
    if (unmatched > 0) warnings.push({ kind: 'rows_without_customer', file: basename(t.file), count: unmatched })
  }
  const details: PreparedDetail[] = []
  const known = new Set(ids)
  for (const d of mapping.details) {
    const prepared = readDetails(d, await read(near(d.file)), d.via ? await read(near(d.via.file)) : undefined, known, errors)
    if (prepared.withoutCustomer > 0) warnings.push({ kind: 'rows_without_customer', file: basename(d.file), count: prepared.withoutCustomer })
    details.push(prepared)
  }
  if (errors.length > 0) throw importError(errors, errors.length >= maxReportedErrors)

  const snapshot = 'window' in mapping.churn
  const window = 'window' in mapping.churn ? snapshotWindow(mapping.asOf, mapping.churn.window) : datedWindow(customers, mapping.asOf)
  if (counters.churnedWithoutTenure > 0) warnings.push({ kind: 'churned_without_tenure', count: counters.churnedWithoutTenure })
  if (counters.churnedBeforeSignup > 0) warnings.push({ kind: 'churned_before_signup', count: counters.churnedBeforeSignup })
  if (counters.datedOnAsOf > 0) warnings.push({ kind: 'dated_on_as_of', count: counters.datedOnAsOf, asOf: mapping.asOf })
  warnings.push(...blankCells(mapping, table), ...spellingVariants(mapping, table), ...sourceDisagreements(mapping, table, related))
  const churned = customers.filter((c) => c.spells.some((s) => s.end !== null)).length
  return { mapping, customers, churned, dataKind: snapshot ? 'snapshot' : 'dated', window, warnings, rows: table.rows.length, details }
}

// A dated file observes churn from its first signup to asOf (past it when a date falls on asOf itself).
function datedWindow(customers: ImportedCustomer[], asOf: string): { from: string; to: string } {
  let from = asOf
  let last = ''
  for (const c of customers) {
    if (c.signupDate < from) from = c.signupDate
    for (const s of c.spells) if (s.end && s.end > last) last = s.end
  }
  return { from, to: last >= asOf ? addDays(last, 1) : asOf }
}

// Blank cells of the columns the mapping reads; dimensions and measures keep them as unknown.
function blankCells(m: Mapping, table: Table): ImportWarning[] {
  const unknownOk = new Set([...m.dimensions.map((d) => d.sourceColumn), ...m.measures.map((x) => x.sourceColumn)])
  if (m.mrr && 'column' in m.mrr) unknownOk.add(m.mrr.column)
  if (m.mrr && 'totalColumn' in m.mrr) unknownOk.add(m.mrr.totalColumn)
  if (m.churnReason && !('events' in m.churn)) unknownOk.add(m.churnReason.column)
  const out: ImportWarning[] = []
  for (const { column } of referencedColumns(m)) {
    if (m.churnReason && column === m.churnReason.column) continue // blank for every customer who stayed
    if ('dateColumn' in m.churn && column === m.churn.dateColumn) continue // blank = still active
    const at = table.columns.indexOf(column)
    let n = 0
    for (const r of table.rows) if ((r[at] ?? '').trim() === '') n++
    if (n > 0 && !out.some((w) => w.kind === 'blank_cells' && w.column === column)) out.push({ kind: 'blank_cells', column, count: n, stored: unknownOk.has(column) ? 'unknown' : 'accepted' })
  }
  return out
}

function importError(errors: RowError[], stopped: boolean): AppError {
  const head = stopped
    ? `Import failed: stopped after ${errors.length} errors (nothing was imported):`
    : `Import failed: ${errors.length} error${errors.length === 1 ? '' : 's'} (nothing was imported):`
  return new AppError('import_failed', `${head}\n  ${errors.map(formatRowError).join('\n  ')}`, { errors })
}
