import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Identity and audit: conversations get an owner (the principal id), API tokens are stored as
 * sha-256 hashes, and every question leaves one audit row.
 */
export const auditTokensTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('conversations').addColumn('owner', 'text').execute()
    await db.schema
      .createTable('api_tokens')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('scope', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute()
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('principal', 'text', (c) => c.notNull())
      .addColumn('surface', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text')
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('scope', 'text')
      .addColumn('tools', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('ms', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at']).execute()
    await db.schema.createIndex('audit_log_principal').on('audit_log').columns(['principal', 'at']).execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('audit_log').ifExists().execute()
    await db.schema.dropTable('api_tokens').ifExists().execute()
    await db.schema.alterTable('conversations').dropColumn('owner').execute()
  },
}
