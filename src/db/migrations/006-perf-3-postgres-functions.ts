import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { dialectName } from '../dialects/dialect-name.js'

/**
 * PostgreSQL versions of the SQLite date functions the queries use — date(d, modifiers…),
 * julianday(d), strftime(format, d) — over ISO-date text, the way every dialect stores dates.
 * With them the query layer emits one SQL text for both engines (src/query/dialect-sql.ts is
 * the seam that names these functions). Only the modifiers the queries use are supported:
 * 'start of month' and ±N days/months/years. Month steps clamp to the month end on PostgreSQL
 * where SQLite overflows (Jan 31 + 1 month); the queries only step from a month's first day.
 * No-op on SQLite and D1.
 */
export const postgresFunctions: Migration = {
  async up(db: Kysely<any>) {
    if (dialectName(db) !== 'postgres') return
    await sql`create or replace function sqlite_modify(d date, m text) returns date language sql immutable as $$
      select case
        when m = 'start of month' then date_trunc('month', d)::date
        when m ~ '^[+-]?[0-9]+ days?$' then d + split_part(m, ' ', 1)::int
        when m ~ '^[+-]?[0-9]+ months?$' then (d + make_interval(months => split_part(m, ' ', 1)::int))::date
        when m ~ '^[+-]?[0-9]+ years?$' then (d + make_interval(years => split_part(m, ' ', 1)::int))::date
      end $$`.execute(db)
    await sql`create or replace function date(d text, m text) returns text language sql immutable as $$
      select to_char(sqlite_modify(d::date, m), 'YYYY-MM-DD') $$`.execute(db)
    await sql`create or replace function date(d text, m1 text, m2 text) returns text language sql immutable as $$
      select to_char(sqlite_modify(sqlite_modify(d::date, m1), m2), 'YYYY-MM-DD') $$`.execute(db)
    await sql`create or replace function julianday(d text) returns double precision language sql immutable as $$
      select extract(epoch from d::timestamp)::double precision / 86400.0 + 2440587.5 $$`.execute(db)
    await sql`create or replace function strftime(f text, d text) returns text language sql immutable as $$
      select to_char(d::date, replace(replace(replace(f, '%Y', 'YYYY'), '%m', 'MM'), '%d', 'DD')) $$`.execute(db)
  },
  async down(db: Kysely<any>) {
    if (dialectName(db) !== 'postgres') return
    await sql`drop function if exists strftime(text, text), julianday(text), date(text, text, text), date(text, text), sqlite_modify(date, text)`.execute(db)
  },
}
