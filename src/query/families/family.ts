import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { ChurnDefinitionConfig } from '../../config.js'
import type { Bucket } from '../../time/period.js'
import type { SegmentPlan } from '../segment-sql.js'

/** What every family query receives. */
export type FamilyInput = { db: Kysely<any>; buckets: Bucket[]; plan: SegmentPlan; churn: ChurnDefinitionConfig; asOf: string }

/** Rows keyed by `bucket`, `g0`, `g1`, with numeric measure columns. */
export type FamilyRow = { bucket: string; g0?: string; g1?: string } & Record<string, unknown>

/** A family query: builds its SELECT (compiled for provenance) from the input. */
export type FamilyQuery = (input: FamilyInput) => SelectQueryBuilder<any, any, any>

/** Runs a family query and returns its rows plus the SQL with parameters inlined for reading. */
export async function runFamily(q: SelectQueryBuilder<any, any, any>): Promise<{ rows: FamilyRow[]; sql: string }> {
  const compiled = q.compile()
  const rows = (await q.execute()) as FamilyRow[]
  return { rows, sql: inlineParameters(compiled.sql, compiled.parameters) }
}

/** Inlines `?` / `$n` parameters as SQL literals so a manager can read (and re-run) the query. */
export function inlineParameters(text: string, params: readonly unknown[]): string {
  const lit = (v: unknown) => (v === null || v === undefined ? 'null' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`)
  let i = 0
  return text.replace(/\$(\d+)|\?/g, (m, n) => (n ? lit(params[Number(n) - 1]) : lit(params[i++])))
}
