import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'
import { sampleTables, type SampleRows } from './customer-rows.js'

/**
 * Bind parameters per INSERT statement. SQLite allows 32,766 since 3.32, but statements this
 * size already amortise the per-statement cost, and smaller ones stay portable to older builds.
 */
const MAX_PARAMETERS = 6000

/** Inserts every buffered row with multi-row INSERTs; run it inside a transaction. */
export async function insertRows(db: Kysely<Database>, rows: SampleRows): Promise<void> {
  for (const table of sampleTables) {
    const all = rows[table] as Array<Record<string, unknown>>
    if (all.length === 0) continue
    const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(all[0]).length))
    for (let i = 0; i < all.length; i += perInsert) {
      // The buffers are typed per table in SampleRows; the loop over table names loses that pairing.
      await db.insertInto(table).values(all.slice(i, i + perInsert) as never).execute()
    }
  }
}
