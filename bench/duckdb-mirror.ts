import { existsSync, renameSync, rmSync } from 'node:fs'
import SQLite from 'better-sqlite3'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'

/** Tables the catalog and tools read; copied into DuckDB with their SQLite column types. */
const TABLES = ['meta', 'customers', 'customer_attributes', 'dimensions', 'subscriptions', 'mrr_history', 'feedback', 'feedback_reasons', 'tickets', 'activity']

/**
 * SQLite's date functions as DuckDB macros, so the project's SQL runs unchanged apart from the
 * function names (`date(` → `sqlite_date(` etc.; DuckDB reserves `date`). Dates stay ISO text,
 * as in SQLite, so comparisons are the same string comparisons.
 */
const MACROS = [
  `create or replace temp macro sqlite_mod(d, m) as case
     when m = 'start of month' then date_trunc('month', d)::date
     when m like '% day' or m like '% days' then d + cast(split_part(trim(m), ' ', 1) as integer)
     when m like '% month' or m like '% months' then (d + to_months(cast(split_part(trim(m), ' ', 1) as integer)))::date
     when m like '% year' or m like '% years' then (d + to_years(cast(split_part(trim(m), ' ', 1) as integer)))::date
   end`,
  `create or replace temp macro sqlite_date(x) as strftime(cast(x as date), '%Y-%m-%d'),
     (x, m) as strftime(sqlite_mod(cast(x as date), m), '%Y-%m-%d'),
     (x, m1, m2) as strftime(sqlite_mod(sqlite_mod(cast(x as date), m1), m2), '%Y-%m-%d')`,
  `create or replace temp macro sqlite_julianday(x) as epoch(cast(x as timestamp)) / 86400.0 + 2440587.5`,
  `create or replace temp macro sqlite_strftime(f, x) as strftime(cast(x as date), f)`,
  // SQLite's `/` on two integers divides whole numbers; DuckDB's gives a double unless told.
  `set integer_division = true`,
]

// The FTS5 lookup the feedback search uses, with its inlined MATCH string of quoted phrases.
const FTS_LOOKUP = /f\.id in \(select rowid from feedback_fts where feedback_fts match '((?:[^']|'')*)'\)/g

/** An FTS5 phrase list ('"a" OR "b"') as the equivalent substring test. */
function ftsToLike(match: string): string {
  // Indexed texts end in two U+E000 padding characters (a trigram of it stands for "the text ends here").
  const phrases = [...match.replace(/''/g, "'").matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"').replace(/\uE000+$/, ''))
  const lit = (p: string) => `'%${p.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/'/g, "''")}%'`
  return `(${phrases.map((p) => `f.text ilike ${lit(p)} escape '\\'`).join(' or ')})`
}

/**
 * Rewrites SQLite function names to the macros above, SQLite's case-insensitive LIKE to ILIKE,
 * json_extract of the periods parameter to json_extract_string, and the FTS5 feedback lookup to
 * the substring tests it stands for; everything else is left as the project wrote it.
 */
export function toDuckSql(sqliteSql: string): string {
  return sqliteSql
    .replace(FTS_LOOKUP, (_m, match: string) => ftsToLike(match))
    .replace(/ like '/gi, " ilike '")
    // The periods CTE reads its JSON parameter with json_extract, which DuckDB types as JSON (then
    // compared with text as JSON and refused); json_extract_string gives the text SQLite gives.
    .replace(/json_extract\(j\.value,/g, 'json_extract_string(j.value,')
    .replace(/(?<![\w."])date\(/gi, 'sqlite_date(')
    .replace(/(?<![\w."])julianday\(/gi, 'sqlite_julianday(')
    .replace(/(?<![\w."])strftime\(/gi, 'sqlite_strftime(')
}

const duckType = (t: string) => (/int/i.test(t) ? 'BIGINT' : /real|floa|doub|num/i.test(t) ? 'DOUBLE' : 'VARCHAR')

/**
 * A DuckDB copy of a SQLite sample database, made once next to it (`<path>.duckdb`). The DuckDB
 * sqlite extension needs a download (no network here), so rows are copied through Node with the
 * appender.
 */
export async function openDuckMirror(sqlitePath: string, log: (s: string) => void): Promise<{ conn: DuckDBConnection; copiedMs?: number; close(): void }> {
  const duckPath = `${sqlitePath}.duckdb`
  let copiedMs: number | undefined
  if (!existsSync(duckPath)) {
    const started = performance.now()
    const tmp = `${duckPath}.partial`
    rmSync(tmp, { force: true })
    rmSync(`${tmp}.wal`, { force: true })
    const inst = await DuckDBInstance.create(tmp)
    const conn = await inst.connect()
    const src = new SQLite(sqlitePath, { readonly: true })
    for (const table of TABLES) {
      const cols = src.prepare(`select name, type from pragma_table_info(?)`).all(table) as Array<{ name: string; type: string }>
      if (!cols.length) continue
      await conn.run(`create table "${table}" (${cols.map((c) => `"${c.name}" ${duckType(c.type)}`).join(', ')})`)
      const app = await conn.createAppender(table)
      const kinds = cols.map((c) => duckType(c.type))
      let n = 0
      for (const row of src.prepare(`select * from "${table}"`).raw(true).iterate() as Iterable<unknown[]>) {
        for (let i = 0; i < row.length; i++) {
          const v = row[i]
          if (v === null || v === undefined) app.appendNull()
          else if (kinds[i] === 'BIGINT') app.appendBigInt(BigInt(v as number))
          else if (kinds[i] === 'DOUBLE') app.appendDouble(Number(v))
          else app.appendVarchar(String(v))
        }
        app.endRow()
        if (++n % 500_000 === 0) app.flushSync()
      }
      app.closeSync()
      log(`  duckdb: ${table} ${n.toLocaleString('en-US')} rows`)
    }
    src.close()
    await conn.run('checkpoint')
    conn.closeSync()
    inst.closeSync()
    renameSync(tmp, duckPath)
    copiedMs = performance.now() - started
  }
  const inst = await DuckDBInstance.create(duckPath, { access_mode: 'READ_ONLY' })
  const conn = await inst.connect()
  for (const m of MACROS) await conn.run(m)
  return { conn, copiedMs, close: () => { conn.closeSync(); inst.closeSync() } }
}

/** How long one DuckDB statement may run before it is interrupted (the bench reports "> limit"). */
export const DUCK_LIMIT_MS = 60_000

/** Runs translated SQL in DuckDB and returns plain rows (bigints as numbers); interrupted after DUCK_LIMIT_MS. */
export async function duckRows(conn: DuckDBConnection, sqliteSql: string): Promise<Array<Record<string, unknown>>> {
  const timer = setTimeout(() => conn.interrupt(), DUCK_LIMIT_MS)
  const r = await conn.runAndReadAll(toDuckSql(sqliteSql)).finally(() => clearTimeout(timer))
  return r.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])))
}
