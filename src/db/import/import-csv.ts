import { basename } from 'node:path'
import { CompiledQuery, sql } from 'kysely'
import { toDimensionDef } from '../../catalog/dimension-schema.js'
import { AppError } from '../../errors.js'
import { saveDimensions } from '../dimension-store.js'
import { saveMeasures } from '../measure-store.js'
import { writeMeta } from '../meta.js'
import type { Db } from '../open-database.js'
import { clearDataTables } from './clear-data-tables.js'
import { dialectName } from '../dialects/dialect-name.js'
import type { ImportWarning } from './import-warnings.js'
import type { Mapping } from './mapping-schema.js'
import { type PreparedImport, prepareImport } from './prepare-import.js'
import { rebuildRollups } from '../rollups/rebuild-rollups.js'
import { writeImport } from './write-import.js'
import { writeDetails } from './write-details.js'

export { loadMapping } from './load-mapping.js'

/** Options for importCsv. */
export type ImportOptions = {
  /** Progress in order: rows read, rows checked (every 5,000), rows written (every 5,000). */
  onProgress?: (stage: 'read' | 'checked' | 'written', rowsDone: number) => void
  /** Clear the existing data set (not conversations) first, in the same transaction. */
  replace?: boolean
}

/** What an import wrote: customer and churn counts, rows per table, what it noticed, elapsed milliseconds. */
export type ImportResult = {
  customers: number
  churned: number
  rows: Record<string, number>
  dataKind: 'snapshot' | 'dated'
  window: { from: string; to: string }
  warnings: ImportWarning[]
  ms: number
}

/**
 * Imports a data file (CSV in any common encoding, or .xlsx) described by `mapping`, with the
 * files it joins: every row is validated, then all of it is written in one transaction, so
 * a bad row, a duplicate id or a failure midway leaves the database exactly as it was.
 * Refuses a non-empty database unless `replace` is set.
 */
export async function importCsv(db: Db, file: string, mapping: Mapping, opts: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now()
  if (!opts.replace) await assertEmpty(db)
  const prepared = await prepareImport(file, mapping, { onProgress: (stage, n) => opts.onProgress?.(stage as 'read' | 'checked', n) })
  return writePrepared(db, file, prepared, opts, started)
}

/** Writes an already prepared (validated) import in one transaction. */
export async function writePrepared(db: Db, file: string, p: PreparedImport, opts: ImportOptions = {}, started = performance.now()): Promise<ImportResult> {
  const m = p.mapping
  if (!opts.replace) await assertEmpty(db)
  const restoreTempStore = await sortInMemory(db)
  const written = await db.transaction().execute(async (trx) => {
    if (opts.replace) await clearDataTables(trx)
    const out = await writeImport(trx, p.customers, {
      asOf: m.asOf,
      feedbackLanguage: m.churnReason?.language ?? 'en',
      onProgress: (n) => opts.onProgress?.('written', n),
    })
    const detail = await writeDetails(trx, p.details)
    await saveDimensions(trx, m.dimensions.map(toDimensionDef))
    const summarized = m.summaries.flatMap((f) => f.measures)
    await saveMeasures(trx, [...m.measures, ...summarized].map((x) => ({ id: x.id, name: x.name, unit: x.unit, synonyms: x.synonyms, description: x.description })))
    await writeMeta(trx, { asOf: m.asOf, currency: m.currency, source: `import:${basename(file)}`, companyName: m.companyName, dataKind: p.dataKind, churnWindow: p.window })
    // Last: the rollups read the rows, dimensions and as-of date written above.
    await rebuildRollups(trx)
    return { rows: { ...out.rows, detail_rows: detail.rows, detail_values: detail.values } }
  }).finally(restoreTempStore)
  const rows = { ...written.rows, dimensions: m.dimensions.length, measures: m.measures.length + m.summaries.reduce((n, f) => n + f.measures.length, 0) }
  return { customers: written.rows.customers, churned: p.churned, rows, dataKind: p.dataKind, window: p.window, warnings: p.warnings, ms: Math.round(performance.now() - started) }
}

async function assertEmpty(db: Db): Promise<void> {
  const row = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  const n = Number(row?.n ?? 0)
  if (n > 0) {
    throw new AppError('import_failed', `The database already holds ${n} customers. Re-run with --replace (replace: true) to clear the current data set first; conversations are kept.`)
  }
}

// The indexes rebuilt at the end of a load are sorted by SQLite's sorter, whose threads pass runs
// through temporary files: in memory that build takes about a fifth less time. It cannot be
// switched inside a transaction, so it is set before and put back after (SQLite only).
async function sortInMemory(db: Db): Promise<() => Promise<void>> {
  if (dialectName(db) === 'postgres') return async () => {}
  const before = await sql<{ temp_store: number }>`pragma temp_store`.execute(db)
  const previous = Number(before.rows[0]?.temp_store ?? 0)
  await db.executeQuery(CompiledQuery.raw('pragma temp_store = memory'))
  return async () => {
    await db.executeQuery(CompiledQuery.raw(`pragma temp_store = ${previous}`))
  }
}
