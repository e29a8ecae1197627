import { sql, type RawBuilder } from 'kysely'

/**
 * SQL fragments that differ between dialects. SQLite is the one implemented;
 * PostgreSQL/D1 variants go here behind the same functions.
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
  /** ISO date `expr` plus `months` whole months (an SQL integer expression), as ISO text. */
  addMonths(expr: RawBuilder<unknown>, months: RawBuilder<unknown>): RawBuilder<string> {
    return sql<string>`date(${expr}, '+' || (${months}) || ' months')`
  },
}
