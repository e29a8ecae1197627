import { AppError } from '../../errors.js'
import { formatRowError, type ImportedCustomer, type RowError } from './parse-row.js'
import type { CsvRecord } from './read-csv.js'

/** Stop collecting after this many errors: enough to see a pattern, short enough to read. */
export const maxReportedErrors = 20

/**
 * Parses every record, rejecting duplicate customer ids, and yields the good rows. Bad rows
 * are collected; once the input ends (or 20 errors pile up) it throws one AppError listing
 * them, so the caller's transaction rolls back and nothing is written.
 */
export async function* validateRows(
  records: AsyncIterable<CsvRecord>,
  parse: (rec: CsvRecord) => ImportedCustomer | RowError[],
  idColumn: string,
  onRow?: (rowsDone: number) => void,
): AsyncGenerator<ImportedCustomer> {
  const errors: RowError[] = []
  const firstLine = new Map<string, number>()
  let rows = 0
  for await (const rec of records) {
    rows++
    onRow?.(rows)
    const parsed = parse(rec)
    if (Array.isArray(parsed)) errors.push(...parsed)
    else {
      const seen = firstLine.get(parsed.id)
      if (seen !== undefined) errors.push({ line: rec.line, column: idColumn, message: `duplicate customer id ${JSON.stringify(parsed.id)} (first on line ${seen})` })
      else {
        firstLine.set(parsed.id, rec.line)
        if (errors.length === 0) yield parsed // once anything failed, writing more is wasted work
      }
    }
    if (errors.length >= maxReportedErrors) throw importError(errors.slice(0, maxReportedErrors), true)
  }
  if (errors.length > 0) throw importError(errors, false)
  if (rows === 0) throw new AppError('import_failed', 'The CSV has a header but no data rows: nothing to import.')
}

function importError(errors: RowError[], stopped: boolean): AppError {
  const head = stopped
    ? `Import failed: stopped after ${errors.length} errors (nothing was imported):`
    : `Import failed: ${errors.length} error${errors.length === 1 ? '' : 's'} (nothing was imported):`
  return new AppError('import_failed', `${head}\n  ${errors.map(formatRowError).join('\n  ')}`, { errors })
}
