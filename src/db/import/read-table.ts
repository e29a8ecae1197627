import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { AppError } from '../../errors.js'
import { decodeText, type TextEncoding } from './decode-text.js'
import { CsvShapeError, parseCsvText } from './parse-csv-text.js'
import { readXlsx } from './read-xlsx.js'

/**
 * A whole data file in memory: header, rows of cell texts and the (1-based) line each row
 * ends on, the header being line 1. Files of 100,000 rows take tens of MB: reading them
 * whole lets profiling, joins and validation run synchronously, which is also faster.
 */
export type Table = {
  file: string
  columns: string[]
  rows: string[][]
  lines: number[]
  encoding: TextEncoding | 'xlsx'
  bom: boolean
}

/** Reads a CSV (any common encoding, comma/semicolon/tab separated) or .xlsx file (first sheet). */
export async function readTable(file: string): Promise<Table> {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) throw new AppError('import_failed', `Data file not found: ${file}`)
  if (extname(file).toLowerCase() === '.xlsx') return fromGrid(file, await readXlsx(file), 'xlsx', false)
  if (extname(file).toLowerCase() === '.xls') throw new AppError('import_failed', `${file}: the old .xls format is not supported; save it as .xlsx or CSV`)
  const { text, encoding, bom } = decodeText(await readFile(file))
  let parsed: ReturnType<typeof parseCsvText>
  try {
    parsed = parseCsvText(text, sniffDelimiter(text))
  } catch (e) {
    if (e instanceof CsvShapeError) throw new AppError('import_failed', `${file}: line ${e.line}: has ${e.fields} fields but the header has ${e.expected} columns`)
    throw e
  }
  if (parsed.records.length === 0) throw new AppError('import_failed', `${file} is empty: expected a header line with column names`)
  const columns = parsed.records[0].map((c) => c.trim())
  const rows = parsed.records.slice(1)
  const lines = parsed.lines.slice(1)
  return { file, columns, rows, lines, encoding, bom }
}

function fromGrid(file: string, grid: string[][], encoding: Table['encoding'], bom: boolean): Table {
  const nonEmpty = grid.filter((r) => r.some((c) => c.trim() !== ''))
  if (nonEmpty.length === 0) throw new AppError('import_failed', `${file} is empty: expected a header row with column names`)
  const columns = nonEmpty[0].map((c) => c.trim())
  const rows = nonEmpty.slice(1).map((r) => columns.map((_, i) => r[i] ?? ''))
  return { file, columns, rows, lines: rows.map((_, i) => i + 2), encoding, bom }
}

// European Excel writes ';' and some exports use tabs: pick the separator the header uses most.
function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/))
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }))
  return counts.reduce((a, b) => (b.n > a.n ? b : a)).d
}
