import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Numeric customer attributes (age, balance, credit score, …) declared by an import mapping,
 * and a flag on dimensions whose values are Yes/No.
 */
export const measuresTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('measures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('synonyms', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .createTable('customer_measures')
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('value', 'real', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_measures_pk', ['customer_id', 'measure'])
      .execute()
    // Averages and bands scan one measure's values; the covering index serves both.
    await db.schema.createIndex('customer_measures_measure').on('customer_measures').columns(['measure', 'value', 'customer_id']).execute()
    await db.schema.alterTable('dimensions').addColumn('yes_no', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('dimensions').dropColumn('yes_no').execute()
    await db.schema.dropTable('customer_measures').ifExists().execute()
    await db.schema.dropTable('measures').ifExists().execute()
  },
}
