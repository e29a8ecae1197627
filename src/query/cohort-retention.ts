import { sql } from 'kysely'
import { addMonths, startOfMonth } from '../time/dates.js'
import { runFamily } from './families/family.js'
import { resolvePeriod, type Period, type PeriodInput } from '../time/period.js'
import { resolveSegments } from './resolve-segments.js'
import type { QueryDeps } from './run-metric.js'
import { applySegments } from './segment-sql.js'
import { describeChurnDefinition, withSpells } from './spells.js'

/** Which signup months to compare, how many months after signup, and optional filters. */
export type CohortQuery = { period?: PeriodInput; months?: number; where?: Record<string, string[]> }

/** One signup-month cohort: its size and the % still active at the end of month k after signup (k = 0…). */
export type CohortRow = { cohort: string; size: number; retention: Array<number | null> }

/** The cohort retention matrix with provenance. */
export type CohortResult = { period: Period; months: number; cohorts: CohortRow[]; definition: string; sql: string[] }

/** Builds the signup-month × months-since-signup retention matrix in one SQL query. */
export async function runCohortRetention(deps: QueryDeps, q: CohortQuery): Promise<CohortResult> {
  const asOf = deps.catalog.meta.asOf
  const period = resolvePeriod(q.period ?? {}, asOf, deps.catalog.dataStart, 'last_n_months')
  const months = Math.max(1, Math.min(q.months ?? 12, 36))
  const plan = resolveSegments(deps.catalog, [], q.where)
  const checks: Array<{ cohort: string; start: string; end: string; k: number; at: string }> = []
  for (let m = startOfMonth(period.from); m < period.to; m = addMonths(m, 1)) {
    for (let k = 0; k < months; k++) {
      const at = addMonths(m, k + 1)
      if (at > asOf) break
      checks.push({ cohort: m.slice(0, 7), start: m, end: addMonths(m, 1), k, at })
    }
  }
  const db = deps.db as any
  const selects = checks.map((c) =>
    db.selectNoFrom([sql.val(c.cohort).as('cohort'), sql.val(c.start).as('c_start'), sql.val(c.end).as('c_end'), sql.val(c.k).as('k'), sql.val(c.at).as('at')]),
  )
  if (selects.length === 0) return { period, months, cohorts: [], definition: describeChurnDefinition(deps.churn), sql: [] }
  const union = selects.slice(1).reduce((a: any, b: any) => a.unionAll(b), selects[0])
  let query = (withSpells(db.with('checks', () => union), deps.churn, asOf) as any)
    .selectFrom('checks as ch')
    .innerJoin('customers as c', (j: any) => j.on(sql`c.signup_date >= ch.c_start and c.signup_date < ch.c_end`))
    .leftJoin('spells as s', (j: any) => j.on(sql`s.customer_id = c.id and s.start_date < ch.at and (s.end_date is null or s.end_date >= ch.at)`))
    .select(['ch.cohort as bucket', 'ch.k', sql<number>`count(distinct c.id)`.as('size'), sql<number>`count(distinct s.customer_id)`.as('retained')])
    .groupBy(['ch.cohort', 'ch.k'])
    .orderBy('ch.cohort')
    .orderBy('ch.k')
  query = applySegments(query, plan, 'c.id')
  const { rows, sql: text } = await runFamily(query)
  const byCohort = new Map<string, CohortRow>()
  for (const r of rows) {
    const row = byCohort.get(r.bucket) ?? { cohort: r.bucket, size: Number(r.size), retention: Array(months).fill(null) }
    const size = Number(r.size)
    row.retention[Number(r.k)] = size > 0 ? Math.round((10000 * Number(r.retained)) / size) / 100 : null
    byCohort.set(r.bucket, row)
  }
  return { period, months, cohorts: [...byCohort.values()].filter((c) => c.size > 0), definition: describeChurnDefinition(deps.churn), sql: [text] }
}
