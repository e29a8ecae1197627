import { basename } from 'node:path'
import { toDimensionDef } from '../../catalog/dimension-schema.js'
import { AppError } from '../../errors.js'
import { saveDimensions } from '../dimension-store.js'
import { writeMeta } from '../meta.js'
import type { Db } from '../open-database.js'
import { clearDataTables } from './clear-data-tables.js'
import type { Mapping } from './mapping-schema.js'
import { createRowParser } from './parse-row.js'
import { readCsv } from './read-csv.js'
import { validateRows } from './validate-rows.js'
import { writeImport } from './write-import.js'

export { loadMapping } from './load-mapping.js'

/** Options for importCsv. */
export type ImportOptions = {
  /** Called every 5,000 rows read. */
  onProgress?: (rowsDone: number) => void
  /** Clear the existing data set (not conversations) first, in the same transaction. */
  replace?: boolean
}

/** What an import wrote: customer and churn counts, rows per table, elapsed milliseconds. */
export type ImportResult = { customers: number; churned: number; rows: Record<string, number>; ms: number }

const progressEvery = 5000

/**
 * Imports a CSV of customers described by `mapping`: every row is validated, then all of it
 * is written in one transaction, so a bad row, a duplicate id or a failure midway leaves the
 * database exactly as it was. Refuses a non-empty database unless `replace` is set.
 */
export async function importCsv(db: Db, file: string, mapping: Mapping, opts: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now()
  if (!opts.replace) await assertEmpty(db)
  const csv = await readCsv(file)
  try {
    const parse = createRowParser(mapping, csv.columns)
    const onRow = opts.onProgress && ((n: number) => { if (n % progressEvery === 0) opts.onProgress?.(n) })
    const customers = validateRows(csv.records, parse, mapping.customerId, onRow)
    const written = await db.transaction().execute(async (trx) => {
      if (opts.replace) await clearDataTables(trx)
      const out = await writeImport(trx, customers, {
        asOf: mapping.asOf,
        reasonsAsFeedback: mapping.churnReason?.asFeedback ? { language: mapping.churnReason.language } : undefined,
      })
      await saveDimensions(trx, mapping.dimensions.map(toDimensionDef))
      await writeMeta(trx, { asOf: mapping.asOf, currency: mapping.currency, source: `import:${basename(file)}`, companyName: mapping.companyName })
      return out
    })
    const rows = { ...written.rows, dimensions: mapping.dimensions.length }
    return { customers: written.rows.customers, churned: written.churned, rows, ms: Math.round(performance.now() - started) }
  } finally {
    csv.close()
  }
}

async function assertEmpty(db: Db): Promise<void> {
  const row = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  const n = Number(row?.n ?? 0)
  if (n > 0) {
    throw new AppError('import_failed', `The database already holds ${n} customers. Re-run with --replace (replace: true) to clear the current data set first; conversations are kept.`)
  }
}
