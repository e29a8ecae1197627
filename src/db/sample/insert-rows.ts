import { CompiledQuery, type Kysely } from 'kysely'
import { dialectName, maxBindParameters } from '../dialects/dialect-name.js'
import type { Database } from '../schema.js'
import { sampleTables, type SampleRows } from './customer-rows.js'

/**
 * Bind parameters per INSERT statement: well under SQLite's limit (32,766 in the build
 * better-sqlite3 ships), and large enough that per-statement overhead stops mattering.
 */
const MAX_PARAMETERS = 6000

const sqlCache = new Map<string, string>()

/** `insert into "t" ("a", "b") values (?, ?), (?, ?), …` for `rows` rows ($1, $2… on PostgreSQL), cached per shape. */
function insertSql(table: string, columns: string[], rows: number, pg: boolean): string {
  const key = `${table}|${columns.join(',')}|${rows}|${pg}`
  let text = sqlCache.get(key)
  if (!text) {
    const tuples = Array.from({ length: rows }, (_, r) => `(${columns.map((_c, i) => (pg ? `$${r * columns.length + i + 1}` : '?')).join(', ')})`)
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`
    sqlCache.set(key, text)
  }
  return text
}

/**
 * Inserts every buffered row with multi-row INSERTs; run it inside a transaction. The statement
 * text is built once per batch shape and executed through Kysely, because the query builder's
 * per-value work dominated load time (about 4× slower for millions of rows).
 */
export async function insertRows(db: Kysely<Database>, rows: SampleRows): Promise<void> {
  const pg = dialectName(db) === 'postgres'
  for (const table of sampleTables) {
    const all = rows[table] as Array<Record<string, unknown>>
    if (all.length === 0) continue
    const columns = Object.keys(all[0])
    const perInsert = Math.max(1, Math.floor(Math.min(MAX_PARAMETERS, maxBindParameters(db)) / columns.length))
    for (let i = 0; i < all.length; i += perInsert) {
      const batch = all.slice(i, i + perInsert)
      const params: unknown[] = []
      for (const row of batch) for (const col of columns) params.push(row[col] ?? null)
      await db.executeQuery(CompiledQuery.raw(insertSql(table, columns, batch.length, pg), params))
    }
  }
}
