import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../db/open-database.js'
import { inlineParameters } from './families/family.js'

export type { DetailStatsRow } from '../catalog/detail-source.js'
import type { DetailStatsRow } from '../catalog/detail-source.js'

/** A validated detail query: the source, an optional number field, an optional category/yes-no field, and the churned-vs-other split. */
export type DetailQuery = { source: string; measure?: string; by?: string; byStatus?: boolean; byEnded?: boolean; where?: { field: string; values: string[] } }

/**
 * Counts, totals and averages over kept child rows, per value of one of their category fields
 * and/or for the rows of customers who ever churned vs the others (churned = at least one
 * subscription spell with an end date, over all the data). Field ids are bound as parameters,
 * never spliced into the SQL text.
 */
export async function runDetailStats(db: Db, q: DetailQuery): Promise<{ rows: DetailStatsRow[]; sql: string }> {
  const field = (id: string) => `${q.source}.${id}`
  const status: RawBuilder<string> = q.byStatus
    ? sql`case when exists (select 1 from subscriptions s where s.customer_id = r.customer_id and s.end_date is not null) then 'churned' else 'other' end`
    : sql`null`
  const group: RawBuilder<string | null> = q.by ? sql`g.text` : sql`null`
  const measureJoin = q.measure ? sql`left join detail_values m on m.row_id = r.id and m.field = ${field(q.measure)}` : sql``
  const groupJoin = q.by ? sql`left join detail_values g on g.row_id = r.id and g.field = ${field(q.by)}` : sql``
  const whereJoin = q.where ? sql`join detail_values w on w.row_id = r.id and w.field = ${field(q.where.field)} and w.text in (${sql.join(q.where.values)})` : sql``
  const num = q.measure ? sql`m.num` : sql`null`
  const endedKey: RawBuilder<number | null> = q.byEnded ? sql`r.ended` : sql`null`
  const keys = [...(q.by ? [group] : []), ...(q.byStatus ? [status] : []), ...(q.byEnded ? [endedKey] : [])]
  const groupBy = keys.length ? sql`group by ${sql.join(keys)}` : sql``
  const query = sql<Record<string, unknown>>`
    select ${group} as grp, ${status} as st, ${endedKey} as eg, count(*) as n_rows, count(distinct r.customer_id) as customers,
           count(${num}) as valued, sum(${num}) as total, avg(${num}) as mean,
           coalesce(sum(r.ended), 0) as ended, count(r.ended) as ended_known
    from detail_rows r ${measureJoin} ${groupJoin} ${whereJoin}
    where r.source = ${q.source}
    ${groupBy}`
  const compiled = query.compile(db)
  const result = await query.execute(db)
  const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  const rows = result.rows.map((r) => ({
    group: r.grp === null || r.grp === undefined ? null : String(r.grp),
    ...(q.byStatus ? { status: r.st === 'churned' ? ('churned' as const) : ('other' as const) } : {}),
    ...(q.byEnded ? { endedGroup: r.eg === null || r.eg === undefined ? null : Number(r.eg) === 1 } : {}),
    rows: Number(r.n_rows),
    customers: Number(r.customers),
    valued: Number(r.valued),
    sum: numOrNull(r.total),
    mean: numOrNull(r.mean),
    ended: Number(r.ended),
    endedKnown: Number(r.ended_known),
  }))
  return { rows, sql: inlineParameters(compiled.sql, compiled.parameters) }
}
