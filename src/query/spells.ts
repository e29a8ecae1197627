import { sql, type Kysely } from 'kysely'
import type { ChurnDefinitionConfig } from '../catalog/churn-definition.js'
import { dialectSql } from './dialect-sql.js'

/**
 * The subscription spells a churn definition implies, as a `spells` CTE:
 * customer_id, start_date, end_date (churn date, exclusive), is_reactivation, churn_type.
 * - subscription: the stored subscriptions (cancellation = churn);
 * - inactivity: one spell per customer from signup, ending N days after the last activity
 *   (or signup, if never active) when that day is on or before the as-of date.
 */
export function withSpells<DB>(qc: Kysely<DB>, churn: ChurnDefinitionConfig, asOf: string) {
  const db = qc as unknown as Kysely<any>
  if (churn.kind === 'subscription') {
    return db.with('spells', (q) =>
      q.selectFrom('subscriptions').select(['customer_id', 'start_date', 'end_date', 'is_reactivation', 'churn_type', 'reason_code']),
    )
  }
  // A customer never seen active counts from signup: silent churn is still churn.
  const churnDay = dialectSql.addDays(sql`coalesce(last_active_date, signup_date)`, churn.days)
  return db.with('spells', (q) =>
    q.selectFrom('customers').select([
      'id as customer_id',
      'signup_date as start_date',
      sql<string | null>`case when ${churnDay} <= ${asOf} then ${churnDay} else null end`.as('end_date'),
      sql<number>`0`.as('is_reactivation'),
      sql<string>`'voluntary'`.as('churn_type'),
      sql<string | null>`null`.as('reason_code'),
    ]),
  )
}

export { describeChurnDefinition } from '../catalog/churn-definition.js'
