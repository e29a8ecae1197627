import {
  CompiledQuery, Kysely, sql, SqliteAdapter, SqliteQueryCompiler,
  type DatabaseConnection, type DatabaseIntrospector, type Dialect, type DialectAdapter, type Driver, type QueryCompiler, type QueryResult, type SchemaMetadata, type TableMetadata,
} from 'kysely'
import type { Database } from '../schema.js'

/** The part of Cloudflare's D1Database binding this dialect uses (typed here: no workers-types dependency). */
export interface D1DatabaseLike {
  prepare(sql: string): { bind(...values: unknown[]): { all<T = Record<string, unknown>>(): Promise<{ results?: T[]; meta?: { changes?: number; last_row_id?: number } }> } }
}

/** Bind parameters D1 accepts per statement. */
export const D1_MAX_PARAMETERS = 100

/** SQLite's SQL, marked as D1 so writers can respect its bind-parameter limit. */
export class D1Adapter extends SqliteAdapter {}

class D1Connection implements DatabaseConnection {
  constructor(private readonly d1: D1DatabaseLike) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    // D1 rejects undefined and booleans; SQLite stores booleans as 0/1 anyway.
    const params = q.parameters.map((p) => (p === undefined ? null : typeof p === 'boolean' ? Number(p) : p))
    const r = await this.d1.prepare(q.sql).bind(...params).all<R>()
    const changes = r.meta?.changes
    return {
      rows: r.results ?? [],
      ...(changes !== undefined ? { numAffectedRows: BigInt(changes) } : {}),
      ...(r.meta?.last_row_id !== undefined && changes ? { insertId: BigInt(r.meta.last_row_id) } : {}),
    }
  }
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not stream query results')
  }
}

class D1Driver implements Driver {
  constructor(private readonly d1: D1DatabaseLike) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.d1)
  }
  // D1 has no interactive transactions: each statement commits on its own. The app only reads on
  // Workers (answers and conversations are single-row writes), so begin/commit are no-ops.
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

// D1 does not authorise the pragma table functions Kysely's SQLite introspector joins; the
// migrator only needs table names, which sqlite_master gives.
class D1Introspector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}
  async getSchemas(): Promise<SchemaMetadata[]> { return [] }
  async getTables(): Promise<TableMetadata[]> {
    const r = await sql<{ name: string; type: string }>`select name, type from sqlite_master where type in ('table', 'view') and name not like 'sqlite_%' and name not like '_cf_%' order by name`.execute(this.db)
    return r.rows.map((t) => ({ name: t.name, isView: t.type === 'view', isForeign: false, columns: [] }))
  }
  async getMetadata() { return { tables: await this.getTables() } }
}

/** A Kysely dialect over a Cloudflare D1 binding: SQLite's SQL, run through `prepare().bind().all()`. */
export class D1Dialect implements Dialect {
  constructor(private readonly d1: D1DatabaseLike) {}
  createAdapter(): DialectAdapter { return new D1Adapter() }
  createDriver(): Driver { return new D1Driver(this.d1) }
  createQueryCompiler(): QueryCompiler { return new SqliteQueryCompiler() }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector { return new D1Introspector(db) }
}

/** Kysely over a D1 binding (`env.DB` in a Worker, or Miniflare's binding in tests). */
export function openD1(d1: D1DatabaseLike): Kysely<Database> {
  return new Kysely<Database>({ dialect: new D1Dialect(d1) })
}
