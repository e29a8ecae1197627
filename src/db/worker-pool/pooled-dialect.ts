import type SQLite from 'better-sqlite3'
import {
  CompiledQuery,
  RawNode,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely'
import { ReaderPool } from './reader-pool.js'
import { WriteLock } from './write-lock.js'

/** Runs one statement on a better-sqlite3 connection, as Kysely's own SQLite driver does. */
export function runOnConnection(db: SQLite.Database, q: CompiledQuery): QueryResult<unknown> {
  const stmt = db.prepare(q.sql)
  if (stmt.reader) return { rows: stmt.all(q.parameters as unknown[]) }
  const { changes, lastInsertRowid } = stmt.run(q.parameters as unknown[])
  return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] }
}

// Reads are SELECTs built by Kysely, or raw `select …`/`with …` text without a write verb; anything
// else runs on the main connection (a misjudged write would fail on the read-only reader anyway).
function isRead(q: CompiledQuery): boolean {
  if (SelectQueryNode.is(q.query)) return true
  return RawNode.is(q.query) && /^\s*(select|with)\b/i.test(q.sql) && !/\b(insert|update|delete|replace)\s+(into|from|or|"|\w)/i.test(q.sql)
}

class PooledConnection implements DatabaseConnection {
  /** Set while this connection holds the main connection for a transaction. */
  release?: () => void

  constructor(private readonly driver: PooledDriver) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.release) return runOnConnection(this.driver.main, q) as QueryResult<R>
    if (isRead(q)) return { rows: (await this.driver.pool.run(q.sql, q.parameters)) as R[] }
    const release = await this.driver.lock.acquire()
    try {
      return runOnConnection(this.driver.main, q) as QueryResult<R>
    } finally {
      release()
    }
  }

  async *streamQuery<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    for (const row of (await this.executeQuery<R>(q)).rows) yield { rows: [row] }
  }
}

/** Reads go to the reader pool; writes and whole transactions to the main connection, one at a time. */
class PooledDriver implements Driver {
  readonly lock = new WriteLock()

  constructor(
    readonly main: SQLite.Database,
    readonly pool: ReaderPool,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PooledConnection(this)
  }

  async beginTransaction(c: PooledConnection): Promise<void> {
    c.release = await this.lock.acquire()
    runOnConnection(this.main, CompiledQuery.raw('begin'))
  }

  async commitTransaction(c: PooledConnection): Promise<void> {
    this.end(c, 'commit')
  }

  async rollbackTransaction(c: PooledConnection): Promise<void> {
    this.end(c, 'rollback')
  }

  async savepoint(c: PooledConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`savepoint "${name}"`))
  }

  async rollbackToSavepoint(c: PooledConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`rollback to "${name}"`))
  }

  async releaseSavepoint(c: PooledConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`release "${name}"`))
  }

  async releaseConnection(c: PooledConnection): Promise<void> {
    // A transaction that never reached commit/rollback must not keep the lock.
    if (c.release) this.end(c, 'rollback')
  }

  async destroy(): Promise<void> {
    await this.pool.close()
    if (this.main.open) this.main.close()
  }

  private end(c: PooledConnection, command: 'commit' | 'rollback'): void {
    const release = c.release
    c.release = undefined
    try {
      if (command === 'commit' || this.main.inTransaction) runOnConnection(this.main, CompiledQuery.raw(command))
    } finally {
      release?.()
    }
  }
}

// Readers run in parallel with each other and with the writer, so Kysely need not serialise connections.
class PooledAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

/** A Kysely dialect over one write connection and a pool of read-only reader threads on the same file. */
export class PooledSqliteDialect implements Dialect {
  constructor(
    private readonly main: SQLite.Database,
    readonly pool: ReaderPool,
  ) {}

  createDriver(): Driver {
    return new PooledDriver(this.main, this.pool)
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }
  createAdapter(): DialectAdapter {
    return new PooledAdapter()
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}
