import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Child rows of a multi-file export kept as they are (usage rows, subscriptions), so questions
 * about the rows themselves — "total usage by feature", "average per usage row", "share of
 * subscriptions that ended, with vs without auto-renew" — are answered from the rows, not from
 * per-customer summaries. `detail_sources` names each kind of row, `detail_fields` its typed
 * columns (a number, a category or a yes/no), `detail_rows` one row each with its customer and
 * its own end (1/0; null when the file records none), `detail_values` the cells.
 */
export const detailRowsTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('detail_sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('synonyms', 'text', (c) => c.notNull().defaultTo('{"en":[],"zh":[]}'))
      .addColumn('ended_column', 'text')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema
      .createTable('detail_fields')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('synonyms', 'text', (c) => c.notNull().defaultTo('{"en":[],"zh":[]}'))
      .addColumn('unit', 'text', (c) => c.notNull().defaultTo('number'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('detail_fields_pk', ['source', 'id'])
      .execute()
    await db.schema
      .createTable('detail_rows')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('ended', 'integer')
      .execute()
    await db.schema.createIndex('detail_rows_source').on('detail_rows').columns(['source', 'customer_id']).execute()
    await db.schema
      .createTable('detail_values')
      .addColumn('row_id', 'integer', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('num', 'real')
      .addColumn('text', 'text')
      .execute()
    await db.schema.createIndex('detail_values_field').on('detail_values').columns(['field', 'row_id']).execute()
  },
  async down(db: Kysely<any>) {
    for (const t of ['detail_values', 'detail_rows', 'detail_fields', 'detail_sources']) await db.schema.dropTable(t).ifExists().execute()
  },
}
