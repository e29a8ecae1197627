import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/** Answers with their provenance (tool calls with SQL, period, definition, rows; charts), one row per question. */
export const answersTable: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('answers')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('tool_calls', 'text', (c) => c.notNull())
      .addColumn('charts', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('answers_conversation').on('answers').columns(['conversation_id', 'id']).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('answers').ifExists().execute()
  },
}
