import pg from 'pg'

/** The PostgreSQL server tests use: TEST_POSTGRES_URL, else a local default (as .ci/run starts it). */
export const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/**
 * A fresh database (C collation, so text sorts as in SQLite) on the test server, or null with a
 * reason when no server answers. CI sets REQUIRE_POSTGRES=1: then a missing server is a failure.
 */
export async function freshPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> } | { url: null; reason: string }> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 })
  try {
    await admin.connect()
  } catch (e) {
    const reason = `no PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, ':***@')} (${(e as Error).message}); set TEST_POSTGRES_URL to run the PostgreSQL parity tests`
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error(reason)
    return { url: null, reason }
  }
  const name = `${prefix}_${process.pid}_${Date.now()}`
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}
