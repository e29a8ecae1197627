import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { cacheStatements } from '../../src/db/statement-cache.js'
import { ReaderPool } from '../../src/db/worker-pool/reader-pool.js'

const dir = join('test-artifacts', 'db', `statement-cache-${process.pid}`)
const handles: SQLite.Database[] = []
afterAll(() => {
  for (const h of handles) if (h.open) h.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('bounded statement caches', () => {
  it('the main connection keeps at most `max` statements, least recently used out first, and reuses hits', () => {
    const db = new SQLite(':memory:')
    handles.push(db)
    const cache = cacheStatements(db, 3)
    const a = db.prepare('select 1')
    db.prepare('select 2')
    db.prepare('select 3')
    expect(db.prepare('select 1')).toBe(a) // a hit refreshes "select 1"
    db.prepare('select 4') // evicts "select 2", the least recently used
    expect(cache.size()).toBe(3)
    expect(db.prepare('select 1')).toBe(a)
    for (let i = 0; i < 500; i++) db.prepare(`select ${i} as n`)
    expect(cache.size()).toBe(3)
  })

  it('a reader process retires after `maxStatements` distinct statements and a fresh one carries on', async () => {
    mkdirSync(dir, { recursive: true })
    const path = join(dir, 'cache.db')
    const w = new SQLite(path)
    handles.push(w)
    w.exec("PRAGMA journal_mode = WAL; create table t (n integer); insert into t values (1), (2), (3);")
    const pool = new ReaderPool({ path, size: 1, queryTimeoutMs: 10_000, maxStatements: 4 })
    try {
      const results: unknown[] = []
      for (let i = 0; i < 10; i++) results.push(await pool.run(`select sum(n) + ${i} as s from t`, []))
      expect(results).toEqual(Array.from({ length: 10 }, (_, i) => [{ s: 6 + i }]))
      // 10 distinct statements, 4 per reader: readers 1 and 2 retired, reader 3 holds the last two.
      expect(pool.started).toBe(3)
    } finally {
      await pool.close()
    }
  })
})
