import { sql, type RawBuilder } from 'kysely'

/**
 * SQL fragments that differ between dialects, written in SQLite's date functions (date, julianday,
 * strftime over ISO-date text). D1 is SQLite. PostgreSQL gets the same functions from migration
 * 006-perf-3-postgres-functions, so one SQL text serves every dialect; a fragment that cannot be
 * expressed through them needs a dialect branch here (see src/db/dialects/dialect-name.ts).
 */
export const dialectSql = {
  /** ISO date `expr` plus n days, as ISO text. */
  addDays(expr: RawBuilder<unknown>, n: number): RawBuilder<string> {
    return sql<string>`date(${expr}, ${`${n >= 0 ? "+" : ""}${n} days`})`
  },
  /** First day of the month of ISO date `expr`, as ISO text. */
  startOfMonth(expr: RawBuilder<unknown>): RawBuilder<string> {
    return sql<string>`strftime('%Y-%m-01', ${expr})`
  },
  /** Days from ISO date a to b, as a real number. */
  daysBetween(a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<number> {
    return sql<number>`(julianday(${b}) - julianday(${a}))`
  },
}
