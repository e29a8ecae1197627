import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { AppError } from '../errors.js'
import { migrationProvider } from './migrations/index.js'
import type { Database } from './schema.js'

// Node ≥ 24.19 aborts the process when the GC finalises a better-sqlite3 (< 13) Statement or
// Database (ObjectWrap cleanup hooks; WiseLibs/better-sqlite3#1515). better-sqlite3 13 fixes it
// but does not run on Node 20, so every database and prepared statement stays reachable until
// the process exits: statements are cached by SQL text (Kysely prepares one per query).
const retained: unknown[] = []
const openHandles = new Set<SQLite.Database>()

function retainStatements(db: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>()
  const prepare = db.prepare.bind(db)
  db.prepare = ((source: string) => {
    let stmt = cache.get(source)
    if (!stmt) cache.set(source, (stmt = prepare(source)))
    return stmt
  }) as typeof db.prepare
  retained.push(db, cache)
  openHandles.add(db)
  return db
}

/** Closes every database this process opened and has not closed yet (tests call it before a worker exits). */
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
    // Loaded on demand: the pg driver is only needed for a postgres:// URL.
    const { openPostgres } = await import('./dialects/open-postgres.js')
    const db = openPostgres(url)
    await migrate(db)
    return db
  }
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '')
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = retainStatements(new SQLite(path))
  // exec, not pragma(): pragma() prepares a statement the cache above cannot retain.
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;')
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
