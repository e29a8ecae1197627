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
  /**
   * A non-negative number rounded to the nearest whole number, halves up. Not `cast(x + 0.5 as
   * integer)`: SQLite's cast truncates where PostgreSQL's rounds. `round` of a numeric rounds
   * halves away from zero on both (PostgreSQL's round of a double would round halves to even).
   */
  roundWhole(expr: RawBuilder<unknown>): RawBuilder<number> {
    return sql<number>`round(cast(${expr} as numeric))`
  },
  /** Days from ISO date a to b, as a real number. */
  daysBetween(a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<number> {
    return sql<number>`(julianday(${b}) - julianday(${a}))`
  },
  /** ISO date `expr` plus `months` whole months (an SQL integer expression), as ISO text. */
  addMonths(expr: RawBuilder<unknown>, months: RawBuilder<unknown>): RawBuilder<string> {
    return sql<string>`date(${expr}, '+' || (${months}) || ' months')`
  },
}
