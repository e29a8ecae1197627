import { readSheet } from 'read-excel-file/node'

/**
 * The first sheet of an .xlsx workbook as cell texts: numbers as written by JavaScript,
 * dates as YYYY-MM-DD, booleans as True/False, empty cells as "". read-excel-file is
 * maintained, reads only (small: fflate + a SAX parser) and needs no native code.
 */
export async function readXlsx(file: string): Promise<string[][]> {
  const data = await readSheet(file)
  return data.map((row) => row.map(cellText))
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'boolean') return v ? 'True' : 'False'
  return String(v)
}
