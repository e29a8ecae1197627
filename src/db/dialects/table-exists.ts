import { sql, type Kysely } from 'kysely'
import { dialectName } from './dialect-name.js'

/** Whether a table exists, asked of the dialect's own catalog (sqlite_master, or PostgreSQL's information_schema). */
export async function tableExists(db: Kysely<any>, name: string): Promise<boolean> {
  const r = dialectName(db) === 'postgres'
    ? await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = current_schema() and table_name = ${name}`.execute(db)
    : await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`.execute(db)
  return Number(r.rows[0]?.n) > 0
}
