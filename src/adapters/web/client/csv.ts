/** A result table: column names in order and one record per row. */
export type Table = { columns: string[]; rows: Array<Record<string, unknown>> }

/** The table inside a tool output, if it has one: metric rows, or cohort rows flattened to M0…Mn columns. */
export function tableOf(output: unknown): Table | null {
  const o = output as { rows?: unknown; cohorts?: unknown } | null
  let rows: Array<Record<string, unknown>> | null = null
  if (Array.isArray(o?.rows)) rows = o.rows as Array<Record<string, unknown>>
  else if (Array.isArray(o?.cohorts)) {
    rows = (o.cohorts as Array<{ retention?: unknown[] } & Record<string, unknown>>).map(({ retention, ...rest }) => ({
      ...rest,
      ...Object.fromEntries((retention ?? []).map((v, k) => [`M${k}`, v])),
    }))
  }
  if (!rows?.length || typeof rows[0] !== 'object') return null
  const columns: string[] = []
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k)
  return { columns, rows }
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return ''
  let s = typeof v === 'object' ? JSON.stringify(v) : String(v)
  // A text cell starting with = + - @ would run as a formula in a spreadsheet: make it literal.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** RFC 4180 CSV with a UTF-8 BOM, so spreadsheets open Chinese labels correctly. */
export function toCsv(t: Table): string {
  const lines = [t.columns.map(cell).join(','), ...t.rows.map((r) => t.columns.map((c) => cell(r[c])).join(','))]
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}

/** Offers a CSV as a file download. */
export function downloadCsv(filename: string, t: Table): void {
  const url = URL.createObjectURL(new Blob([toCsv(t)], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
