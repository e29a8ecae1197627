import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../src/db/open-database.js'
import { generateSampleCompany } from '../src/db/sample/generate-sample-company.js'

/** Where generated databases are kept between runs (git-ignored). */
export const CACHE_DIR = join(import.meta.dirname, '.cache')

/** A cached sample database: its path and, when generated in this run, the seed figures. */
export type CachedSample = { path: string; generated?: { rows: number; ms: number } }

/**
 * The sample company with `customers` customers as a SQLite file, generated once per size and
 * code version key (`key` changes when the schema or generator changes); written to a temporary
 * name and renamed so an interrupted run never leaves a half-written cache entry.
 */
export async function cachedSample(customers: number, key: string, log: (s: string) => void): Promise<CachedSample> {
  mkdirSync(CACHE_DIR, { recursive: true })
  const path = join(CACHE_DIR, `sample-${customers}-${key}.db`)
  if (existsSync(path)) return { path }
  const tmp = `${path}.partial`
  for (const p of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(p, { force: true })
  log(`generating ${customers.toLocaleString('en-US')} customers into ${path}`)
  const db = await openDatabase(tmp)
  const r = await generateSampleCompany(db, {
    customers,
    onProgress: (_p, done, total) => { if (done % 100_000 === 0 || done === total) log(`  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`) },
  })
  await db.destroy()
  // Fold the WAL into the file so the cache entry is one self-contained file.
  const { default: SQLite } = await import('better-sqlite3')
  const raw = new SQLite(tmp)
  raw.exec('PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;')
  raw.close()
  renameSync(tmp, path)
  const rows = Object.values(r.rows).reduce((a, b) => a + b, 0)
  return { path, generated: { rows, ms: r.ms } }
}

/** File size in MiB (database plus any WAL). */
export function sizeMiB(path: string): number {
  const size = (p: string) => (existsSync(p) ? statSync(p).size : 0)
  return (size(path) + size(`${path}-wal`)) / 1024 / 1024
}
