import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { AppError } from '../errors.js'
import { migrationProvider } from './migrations/index.js'
import type { Database } from './schema.js'

// Every SQLite handle this process opened, so a host (a test worker, a CLI) can close them all
// before exiting: better-sqlite3 objects finalised during Node's own teardown can abort Node 24.
const openHandles = new Set<SQLite.Database>()

/** Closes every database this process opened and has not closed yet. */
export function closeAllDatabases(): void {
  for (const h of openHandles) if (h.open) h.close()
  openHandles.clear()
}

/** An open database handle: the typed Kysely instance and its dialect name. */
export type Db = Kysely<Database>

/**
 * Opens (creating if needed) the database named by `url` and runs pending migrations.
 * `:memory:` gives an in-memory SQLite database for tests.
 */
export async function openDatabase(url: string): Promise<Db> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new AppError('bad_request', 'PostgreSQL is not supported yet: set DATABASE_URL to a SQLite file path (default data/churn.db).')
  }
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '')
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  openHandles.add(sqlite)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = OFF')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrate(db)
  return db
}

/** Runs all pending migrations; throws with the failing migration's name. */
export async function migrate(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
