import { sql, type RawBuilder } from 'kysely'
import type { BandEdge, MeasureDef } from '../catalog/measure.js'
import { dialectSql } from './dialect-sql.js'

/**
 * A customer's value of a numeric attribute, as SQL over the customer row aliased `c`:
 * an imported value (null when the cell was blank), tenure in whole months from signup to the
 * last churn date (or the as-of date while active), or the latest monthly revenue.
 */
export function measureExpr(m: MeasureDef, asOf: string, customer: RawBuilder<unknown> = sql.ref('c.id')): RawBuilder<number | null> {
  switch (m.source.kind) {
    case 'stored':
      return sql<number | null>`(select cm.value from customer_measures cm where cm.customer_id = ${customer} and cm.measure = ${m.id})`
    case 'mrr':
      return sql<number | null>`(select h.mrr from mrr_history h where h.customer_id = ${customer} order by h.month desc limit 1)`
    case 'tenure': {
      // Active customers are counted to the as-of date; those who left, to their last churn.
      const end = sql`coalesce((select case when count(s.end_date) = count(*) then max(s.end_date) end from subscriptions s where s.customer_id = ${customer}), ${asOf})`
      return sql<number>`cast(${dialectSql.daysBetween(sql.ref('c.signup_date'), end)} / 30.4375 + 0.5 as integer)`
    }
  }
}

/** The band label of a value: CASE over the edges, in order; null stays null (unknown is not a band). */
export function bandExpr(value: RawBuilder<number | null>, edges: BandEdge[], labels: string[]): RawBuilder<string | null> {
  const whens = edges.map((e, i) => sql`when ${value} ${sql.raw(e.equalBelow ? '<=' : '<')} ${e.at} then ${labels[i]}`)
  return sql<string | null>`(case when ${value} is null then null ${sql.join(whens, sql` `)} else ${labels.at(-1)!} end)`
}
