import { sql } from 'kysely'
import type { Db } from './open-database.js'

/** Why the server is not fit to serve. */
export type HealthProblem = {
  code: 'read_only' | 'disk_full' | 'write_failed' | 'no_as_of' | 'unfinished_load'
  message: string
}

/** The database's fitness: writable, and holding a complete data set with an as-of date. */
export type Health = { ok: boolean; problems: HealthProblem[]; checkedAt: string }

/** Meta key a seed or import sets to 'incomplete' before writing and to 'complete' once done. */
export const LOAD_STATE_KEY = 'load_state'

const PROBE_BYTES = 8192
const probeValue = 'x'.repeat(PROBE_BYTES)

/**
 * Health of a database, cached for `maxAgeMs` so /healthz stays cheap under load. The write probe
 * commits an 8 KB row, so a read-only file or a full disk shows here instead of as generic 500s.
 */
export function healthCheck(db: Db, maxAgeMs = 2000): () => Promise<Health> {
  let last: { at: number; health: Promise<Health> } | undefined
  return () => {
    const now = Date.now()
    if (!last || now - last.at > maxAgeMs) last = { at: now, health: check(db) }
    return last.health
  }
}

// On the main connection (a transaction), so /healthz never queues behind slow reads on the reader processes.
async function check(db: Db): Promise<Health> {
  const problems: HealthProblem[] = []
  const write = await probeWrite(db)
  if (write) problems.push(write)
  problems.push(...(await db.transaction().execute((trx) => dataProblems(trx))))
  return { ok: problems.length === 0, problems, checkedAt: new Date().toISOString() }
}

async function probeWrite(db: Db): Promise<HealthProblem | null> {
  try {
    await db.insertInto('meta').values({ key: 'health_probe', value: `${new Date().toISOString()} ${probeValue}` }).onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') })).execute()
    return null
  } catch (e) {
    const code = String((e as { code?: unknown }).code ?? '')
    if (code.startsWith('SQLITE_READONLY')) return { code: 'read_only', message: 'The database is read-only: answers and conversations cannot be saved.' }
    if (code === 'SQLITE_FULL') return { code: 'disk_full', message: 'The disk holding the database is full: answers and conversations cannot be saved.' }
    return { code: 'write_failed', message: `Writing to the database fails (${code || 'unknown error'}).` }
  }
}

/** Problems with the data itself; the server refuses questions while any exists. */
export async function dataProblems(db: Db): Promise<HealthProblem[]> {
  const r = await sql<{ as_of: string | null; load_state: string | null; customers: number }>`select
    (select value from meta where key = 'as_of') as as_of,
    (select value from meta where key = ${LOAD_STATE_KEY}) as load_state,
    exists (select 1 from customers) as customers`.execute(db)
  const row = r.rows[0]
  const problems: HealthProblem[] = []
  if (row?.load_state === 'incomplete') {
    problems.push({ code: 'unfinished_load', message: 'The last seed or import did not finish, so the data is incomplete: run `churn-insight seed --force` or the import again.' })
  }
  if (row && Number(row.customers) > 0 && !row.as_of) {
    problems.push({ code: 'no_as_of', message: 'The data has no as-of date (its snapshot date), so periods cannot be placed: run `churn-insight seed --force` or the import again.' })
  }
  return problems
}
