import type SQLite from 'better-sqlite3'

// Node ≥ 24.19 aborts when the GC finalises a better-sqlite3 (< 13) Statement (WiseLibs/better-sqlite3#1515).
const [major, minor] = process.versions.node.split('.').map(Number)
const finalisingAborts = major > 24 || (major === 24 && minor >= 19)
const graveyard: SQLite.Statement[] = []

/**
 * Makes `db.prepare` reuse statements by SQL text (Kysely prepares one per query), keeping at most
 * `max` in a least-recently-used cache. Evicted statements are left to the GC, except on Node
 * versions where that aborts the process: there they stay reachable (reads run on reader threads,
 * which bound their cache by retiring instead, so the main connection only sees the few write shapes).
 */
export function cacheStatements(db: SQLite.Database, max: number): { size(): number } {
  const cache = new Map<string, SQLite.Statement>()
  const prepare = db.prepare.bind(db)
  db.prepare = ((source: string) => {
    let stmt = cache.get(source)
    if (stmt) cache.delete(source)
    else stmt = prepare(source)
    cache.set(source, stmt)
    if (cache.size > max) {
      const [oldest, evicted] = cache.entries().next().value!
      cache.delete(oldest)
      if (finalisingAborts) graveyard.push(evicted)
    }
    return stmt
  }) as typeof db.prepare
  return { size: () => cache.size }
}
