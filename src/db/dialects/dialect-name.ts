import { PostgresAdapter, type Kysely } from 'kysely'
import { D1_MAX_PARAMETERS, D1Adapter } from './d1-dialect.js'

/** The SQL dialects the app runs on: SQLite (better-sqlite3, or Cloudflare D1) and PostgreSQL. */
export type DialectName = 'sqlite' | 'postgres'

/** Which dialect a Kysely instance speaks, read from its adapter (D1 uses the SQLite adapter). */
export function dialectName(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/**
 * Bind parameters one statement may carry: Cloudflare D1 allows 100; SQLite and PostgreSQL allow
 * tens of thousands, of which bulk writers use 6,000.
 */
export function maxBindParameters(db: Kysely<any>): number {
  return db.getExecutor().adapter instanceof D1Adapter ? D1_MAX_PARAMETERS : 6000
}
