import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from '../schema.js'
import { PortableSchemaPlugin } from './portable-schema-plugin.js'

// PostgreSQL returns bigint (count, sum of integers) and numeric (avg, sums of decimals) as
// strings to keep precision; the app works in JavaScript numbers like SQLite does.
const INT8 = 20
const NUMERIC = 1700
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number(v)
    if (oid === NUMERIC) return (v: string) => Number.parseFloat(v)
    return pg.types.getTypeParser(oid, format as 'text')
  },
}

/**
 * Kysely over a PostgreSQL pool for a `postgres://` URL. The database should use the C collation
 * (`createdb --locale=C` or `initdb --locale=C`) so text sorts byte-wise, as in SQLite.
 */
export function openPostgres(url: string, opts: { max?: number } = {}): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 4, types: types as pg.CustomTypesConfig })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new PortableSchemaPlugin()] })
}
