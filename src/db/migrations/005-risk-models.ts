import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/** Risk models (parameters, features, backtest metrics, training date) and interventions (save actions taken). */
export const riskTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('risk_models')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('algorithm', 'text', (c) => c.notNull())
      .addColumn('trained_at', 'text', (c) => c.notNull())
      .addColumn('data_as_of', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('horizon_months', 'integer', (c) => c.notNull())
      .addColumn('features', 'text', (c) => c.notNull())
      .addColumn('parameters', 'text', (c) => c.notNull())
      .addColumn('metrics', 'text', (c) => c.notNull())
      .addColumn('training', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('risk_models_trained').on('risk_models').columns(['trained_at']).execute()
    await db.schema
      .createTable('interventions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('team', 'text')
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('interventions_customer').on('interventions').columns(['customer_id', 'date']).execute()
    await db.schema.createIndex('interventions_date').on('interventions').columns(['date']).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('interventions').ifExists().execute()
    await db.schema.dropTable('risk_models').ifExists().execute()
  },
}
