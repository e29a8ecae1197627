import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { parse } from 'csv-parse'
import { AppError } from '../../errors.js'

/** One data record: its values and the (1-based) line it ends on, the header being line 1. */
export type CsvRecord = { line: number; values: string[] }

/** An opened CSV file: its header and an iterator over the remaining records. */
export type CsvReader = { columns: string[]; records: AsyncIterable<CsvRecord>; close(): void }

/**
 * Opens a CSV file for streaming and reads its header. Tolerates a UTF-8 BOM, CRLF or LF
 * line endings and blank lines; a record with the wrong number of fields is an AppError
 * naming its line.
 */
export async function readCsv(file: string): Promise<CsvReader> {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) throw new AppError('import_failed', `CSV file not found: ${file}`)
  const stream = createReadStream(file)
  const parser = stream.pipe(parse({ bom: true, info: true, skip_empty_lines: true, relax_quotes: true }))
  const it: AsyncIterator<{ record: string[]; info: { lines: number } }> = parser[Symbol.asyncIterator]()
  const close = () => { stream.destroy(); parser.destroy() }
  const first = await it.next().catch((e) => { close(); throw csvError(file, e) })
  if (first.done) { close(); throw new AppError('import_failed', `${file} is empty: expected a header line with column names`) }
  const columns = first.value.record.map((c) => c.trim())
  if (columns.some(notUtf8)) { close(); throw encodingError(file, 1) }
  const records: AsyncIterable<CsvRecord> = {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const next = await it.next().catch((e) => { throw csvError(file, e, columns.length) })
          if (next.done) return
          if (next.value.record.some(notUtf8)) throw encodingError(file, next.value.info.lines)
          yield { line: next.value.info.lines, values: next.value.record }
        }
      } finally {
        close()
      }
    },
  }
  return { columns, records, close }
}

// Node decodes invalid UTF-8 (e.g. a GBK export from Excel) as U+FFFD instead of failing.
const notUtf8 = (v: string) => v.includes('\uFFFD')

function encodingError(file: string, line: number): AppError {
  return new AppError('import_failed', `${file}: line ${line} is not valid UTF-8. Re-save the file as "CSV UTF-8" (Excel: Save As → CSV UTF-8; GBK/GB2312 exports are not supported).`)
}

// csv-parse errors carry a code and the line; turn them into a message a user can act on.
function csvError(file: string, e: unknown, columnCount?: number): AppError {
  const err = e as { code?: string; message?: string; lines?: number; record?: string[] }
  if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    return new AppError('import_failed', `${file}: line ${err.lines}: has ${err.record?.length} fields but the header has ${columnCount} columns`)
  }
  return new AppError('import_failed', `${file}: could not read the CSV: ${err.message ?? String(e)}`)
}
