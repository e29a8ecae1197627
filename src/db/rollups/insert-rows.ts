import { CompiledQuery, type Kysely } from 'kysely'
import { dialectName, maxBindParameters } from '../dialects/dialect-name.js'

/**
 * Inserts rows (arrays in `columns` order) with multi-row INSERT statements sized to the dialect's
 * bind-parameter limit. Statement text is built directly: the query builder's per-value work
 * dominates when a rebuild writes hundreds of thousands of rollup rows.
 */
export async function insertRows(db: Kysely<any>, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  const pg = dialectName(db) === 'postgres'
  const perStatement = Math.max(1, Math.floor(maxBindParameters(db) / columns.length))
  const head = `insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values `
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement)
    let n = 0
    const tuples = batch.map(() => `(${columns.map(() => (pg ? `$${++n}` : '?')).join(', ')})`).join(', ')
    await db.executeQuery(CompiledQuery.raw(head + tuples, batch.flat()))
  }
}
