import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/** Initial schema: customers, subscriptions, MRR, feedback, tickets, activity, dimensions, conversations. */
export const initialSchema: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute()

    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('signup_date', 'text', (c) => c.notNull())
      .addColumn('plan', 'text')
      .addColumn('region', 'text')
      .addColumn('channel', 'text')
      .addColumn('industry', 'text')
      .addColumn('company_size', 'text')
      .addColumn('acquisition_cost', 'real')
      .addColumn('last_active_date', 'text')
      .execute()
    await db.schema.createIndex('customers_signup').on('customers').column('signup_date').execute()

    await db.schema
      .createTable('customer_attributes')
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('dimension', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_attributes_pk', ['customer_id', 'dimension'])
      .execute()
    await db.schema.createIndex('customer_attributes_dim').on('customer_attributes').columns(['dimension', 'value']).execute()

    await db.schema
      .createTable('dimensions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('synonyms', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('value_synonyms', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()

    await db.schema
      .createTable('subscriptions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text')
      .addColumn('is_reactivation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('churn_type', 'text')
      .addColumn('reason_code', 'text')
      .addColumn('reason_text', 'text')
      .execute()
    // Active-at-date and churned-in-period scans filter on these two columns.
    await db.schema.createIndex('subscriptions_start').on('subscriptions').columns(['start_date', 'end_date']).execute()
    await db.schema.createIndex('subscriptions_end').on('subscriptions').columns(['end_date']).execute()
    await db.schema.createIndex('subscriptions_customer').on('subscriptions').columns(['customer_id']).execute()

    await db.schema
      .createTable('mrr_history')
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('mrr', 'real', (c) => c.notNull())
      .addPrimaryKeyConstraint('mrr_history_pk', ['customer_id', 'month'])
      .execute()
    await db.schema.createIndex('mrr_history_month').on('mrr_history').columns(['month', 'customer_id', 'mrr']).execute()

    await db.schema
      .createTable('feedback')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('rating', 'real')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('feedback_customer').on('feedback').columns(['customer_id']).execute()
    await db.schema.createIndex('feedback_date').on('feedback').columns(['date']).execute()

    await db.schema
      .createTable('tickets')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('opened_date', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('hours_to_resolve', 'real')
      .execute()
    await db.schema.createIndex('tickets_customer').on('tickets').columns(['customer_id', 'opened_date']).execute()
    await db.schema.createIndex('tickets_opened').on('tickets').columns(['opened_date']).execute()

    await db.schema
      .createTable('activity')
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('logins', 'integer', (c) => c.notNull())
      .addColumn('active_seats', 'integer', (c) => c.notNull())
      .addColumn('key_feature_uses', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('activity_pk', ['customer_id', 'month'])
      .execute()
    await db.schema.createIndex('activity_month').on('activity').columns(['month']).execute()

    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('external_key', 'text')
      .execute()
    await db.schema.createIndex('conversations_external').on('conversations').columns(['external_key']).execute()

    await db.schema
      .createTable('messages')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('messages_conversation').on('messages').columns(['conversation_id', 'position']).execute()
  },
  async down(db: Kysely<any>) {
    for (const t of ['messages', 'conversations', 'activity', 'tickets', 'feedback', 'mrr_history', 'subscriptions', 'dimensions', 'customer_attributes', 'customers', 'meta']) {
      await db.schema.dropTable(t).ifExists().execute()
    }
  },
}
