import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Churn events as the source recorded them, one row each (an import from a churn-events file):
 * several on one day stay several, so "how many churn events" counts what the file holds, while
 * the subscription spells (one churn per day) drive rates. `refund` is the amount refunded with
 * the event, null when the file has no such column.
 */
export const churnEventsTable: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('churn_events')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('reactivation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('refund', 'real')
      .execute()
    await db.schema.createIndex('churn_events_date').on('churn_events').columns(['date', 'customer_id']).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('churn_events').ifExists().execute()
  },
}
