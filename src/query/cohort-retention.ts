import { sql } from 'kysely'
import { AppError } from '../errors.js'
import { maxDate, monthsBetween, startOfMonth } from '../time/dates.js'
import { MAX_BUCKETS, periodLabel, resolvePeriod, type Period, type PeriodInput } from '../time/period.js'
import { dialectSql } from './dialect-sql.js'
import { runFamily } from './families/family.js'
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

/** Most months after signup a matrix shows. */
export const MAX_COHORT_MONTHS = 36

/**
 * Builds the signup-month × months-since-signup retention matrix in one SQL query. The cohort
 * months and offsets are recursive CTEs, so the SQL is the same size for 1 cohort or 400; cohorts
 * before the first signup are never generated.
 */
export async function runCohortRetention(deps: QueryDeps, q: CohortQuery): Promise<CohortResult> {
  const asOf = deps.catalog.meta.asOf
  const asked = resolvePeriod(q.period ?? {}, asOf, deps.catalog.dataStart, 'last_n_months')
  const months = Math.max(1, Math.min(Math.floor(q.months ?? 12), MAX_COHORT_MONTHS))
  const plan = resolveSegments(deps.catalog, [], q.where)
  const definition = describeChurnDefinition(deps.churn)
  const first = maxDate(startOfMonth(asked.from), startOfMonth(deps.catalog.dataStart))
  const end = asked.to < asOf ? asked.to : asOf
  // Signup months before the first signup or after the as-of date hold no cohort: the period says what was covered.
  const clipped = first > asked.from || end < asked.to
  const period: Period = clipped && first < end ? { from: first, to: end, label: periodLabel(first, end), name: { kind: 'range' } } : asked
  // A cohort needs its first month-end on or before the as-of date to have any value.
  if (first >= end || startOfMonth(first) >= startOfMonth(asOf)) return { period, months, cohorts: [], definition, sql: [] }
  const cohortCount = monthsBetween(first, end) + (end.endsWith('-01') ? 0 : 1)
  if (cohortCount > MAX_BUCKETS) {
    throw new AppError('bad_period', `${periodLabel(first, end)} has ${cohortCount} signup months, more than the ${MAX_BUCKETS} a cohort table can show: choose a shorter period.`)
  }
  const db = deps.db as any
  const next = dialectSql.addMonths(sql.ref('c_start'), sql`1`)
  const at = dialectSql.addMonths(sql.ref('m.c_start'), sql`ks.k + 1`)
  const ctes = db
    .withRecursive('cohort_months(c_start)', (qc: any) =>
      qc.selectNoFrom(sql<string>`${first}`.as('c_start')).unionAll(qc.selectFrom('cohort_months').select(next.as('c_start')).where(next, '<', end)),
    )
    .withRecursive('ks(k)', (qc: any) => qc.selectNoFrom(sql<number>`0`.as('k')).unionAll(qc.selectFrom('ks').select(sql`k + 1`.as('k')).where(sql`k + 1`, '<', months)))
    // Materialised: computed once, the check dates are not recomputed for every customer and spell joined to them.
    .with((cte: any) => cte('checks').materialized(), (qc: any) =>
      qc
        .selectFrom('cohort_months as m')
        .crossJoin('ks')
        .select([sql<string>`substr(m.c_start, 1, 7)`.as('cohort'), 'm.c_start', dialectSql.addMonths(sql.ref('m.c_start'), sql`1`).as('c_end'), 'ks.k', at.as('at')])
        .where(at, '<=', asOf),
    )
  let query = (withSpells(ctes, deps.churn, asOf) as any)
    .selectFrom('checks as ch')
    .innerJoin('customers as c', (j: any) => j.on(sql`c.signup_date >= ch.c_start and c.signup_date < ch.c_end`))
    // One row per customer and check: a count, and an indexed exists() that stops at the first covering spell.
    .select(['ch.cohort as bucket', 'ch.k', sql<number>`count(*)`.as('size'),
      sql<number>`sum(case when exists (select 1 from spells s where s.customer_id = c.id and s.start_date < ch.at and (s.end_date is null or s.end_date >= ch.at)) then 1 else 0 end)`.as('retained')])
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
  return { period, months, cohorts: [...byCohort.values()].filter((c) => c.size > 0), definition, sql: [text] }
}

