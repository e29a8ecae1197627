import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Covering indexes: a query that finds its rows through one of them reads only the index, not a
 * table row per match. First four: compare_segments' per-customer lookups (logins before the
 * endpoint, tickets and resolution hours, NPS answers, MRR; about 1.6× on the comparison at 30k
 * customers). Last three: the catalog's period scans of tickets, activity and NPS answers.
 */
const indexes: Array<[string, string, string[]]> = [
  ['activity_customer_logins', 'activity', ['customer_id', 'month', 'logins']],
  ['tickets_customer_hours', 'tickets', ['customer_id', 'opened_date', 'hours_to_resolve']],
  ['feedback_customer_nps', 'feedback', ['customer_id', 'source', 'date', 'rating']],
  ['mrr_history_customer_mrr', 'mrr_history', ['customer_id', 'month', 'mrr']],
  ['tickets_opened_cover', 'tickets', ['opened_date', 'customer_id', 'hours_to_resolve']],
  ['activity_month_cover', 'activity', ['month', 'customer_id', 'logins', 'active_seats', 'key_feature_uses']],
  ['feedback_nps_cover', 'feedback', ['source', 'date', 'customer_id', 'rating']],
]

export const queryIndexes: Migration = {
  async up(db: Kysely<any>) {
    for (const [name, table, columns] of indexes) await db.schema.createIndex(name).on(table).columns(columns).execute()
  },
  async down(db: Kysely<any>) {
    for (const [name] of indexes) await db.schema.dropIndex(name).ifExists().execute()
  },
}
