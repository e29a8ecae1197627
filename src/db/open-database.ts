import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type Dialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { AppError } from '../errors.js'
import { migrationProvider } from './migrations/index.js'
import { cacheStatements } from './statement-cache.js'
import { PooledSqliteDialect } from './worker-pool/pooled-dialect.js'
import { ReaderPool } from './worker-pool/reader-pool.js'
import type { Database } from './schema.js'

// Node ≥ 24.19 aborts the process when the GC finalises a better-sqlite3 (< 13) Database
// (ObjectWrap cleanup hooks; WiseLibs/better-sqlite3#1515), so every handle stays reachable until
// closed; statement-cache.ts deals with statements.
const retained: SQLite.Database[] = []
const openHandles = new Set<SQLite.Database>()
const openPools = new Set<ReaderPool>()
const poolOf = new WeakMap<object, ReaderPool>()

/** The reader threads behind a file database (undefined for `:memory:` or readers: 0). */
export function readerPool(db: Db): ReaderPool | undefined {
  return poolOf.get(db)
}

/** Prepared statements the main connection keeps for reuse. */
export const MAX_CACHED_STATEMENTS = 200

/** Closes every database this process opened and has not closed yet (tests call it before a worker exits). */
export function closeAllDatabases(): void {
  for (const p of openPools) void p.close()
  openPools.clear()
  for (const h of openHandles) if (h.open) h.close()
  openHandles.clear()
}

/** How a file database runs its reads: reader threads (0 = on the main thread) and the per-query time limit. */
export type OpenOptions = { readers?: number; queryTimeoutMs?: number }

/** An open database handle: the typed Kysely instance and its dialect name. */
export type Db = Kysely<Database>

/**
 * Opens (creating if needed) the database named by `url` and runs pending migrations. A file
 * database reads on `readers` threads (default 2) so a slow query never blocks the server;
 * `:memory:` (tests) cannot be shared across threads and runs everything in-process.
 */
export async function openDatabase(url: string, opts: OpenOptions = {}): Promise<Db> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Loaded on demand: the pg driver is only needed for a postgres:// URL.
    const { openPostgres } = await import('./dialects/open-postgres.js')
    const db = openPostgres(url)
    await migrate(db)
    return db
  }
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '')
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  openHandles.add(sqlite)
  retained.push(sqlite)
  cacheStatements(sqlite, MAX_CACHED_STATEMENTS)
  // exec, not pragma(): pragma() prepares a statement outside the cache.
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;')
  const readers = path === ':memory:' ? 0 : (opts.readers ?? 2)
  let dialect: Dialect = new SqliteDialect({ database: sqlite })
  if (readers > 0) {
    const pool = new ReaderPool({ path, size: readers, queryTimeoutMs: opts.queryTimeoutMs ?? 10_000, maxStatements: MAX_CACHED_STATEMENTS })
    openPools.add(pool)
    dialect = new PooledSqliteDialect(sqlite, pool)
  }
  const db = new Kysely<Database>({ dialect })
  if (dialect instanceof PooledSqliteDialect) poolOf.set(db, dialect.pool)
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
