import { PostgresAdapter, type Kysely } from 'kysely'

/** The SQL dialects the app runs on: SQLite (better-sqlite3, or Cloudflare D1) and PostgreSQL. */
export type DialectName = 'sqlite' | 'postgres'

/** Which dialect a Kysely instance speaks, read from its adapter (D1 uses the SQLite adapter). */
export function dialectName(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
