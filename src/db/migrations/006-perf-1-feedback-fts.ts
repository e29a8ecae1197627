import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { dialectName } from '../dialects/dialect-name.js'

/**
 * Feedback search index and stored reason categories.
 * - SQLite/D1: an FTS5 trigram index over feedback.text (external content, kept in step by
 *   triggers so every writer — seed, import, tests — is covered). Trigrams match any substring
 *   of 3+ characters, which is what Chinese text needs (no word spaces); shorter terms go
 *   through the term list (see FTS_PAD_CHAR).
 * - PostgreSQL: the same substring search runs as ILIKE; no index is created here (pg_trgm is an
 *   extension the database owner may not allow).
 * - feedback_reasons: the keyword classifier's category per feedback text, computed once at
 *   seed/import time (see storeReasonCategories); texts without a row are classified on read.
 */
/**
 * Every text is indexed with two private-use characters (U+E000) appended, so each occurrence of
 * any character is followed by at least two more: a one- or two-character term then begins some
 * trigram, and the trigrams that begin with it are a range of the index's term list
 * (feedback_fts_vocab). Search terms never contain U+E000.
 */
export const FTS_PAD_CHAR = '\uE000'
const PAD = 'char(57344, 57344)'

export const feedbackFts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('feedback_reasons')
      .addColumn('feedback_id', 'integer', (c) => c.primaryKey())
      .addColumn('reason_id', 'text', (c) => c.notNull())
      .execute()
    if (dialectName(db) !== 'sqlite') return
    await sql`create virtual table feedback_fts using fts5(text, content='feedback', content_rowid='id', tokenize='trigram case_sensitive 0')`.execute(db)
    // The term list, for finding the trigrams that begin with a one- or two-character search term.
    await sql`create virtual table feedback_fts_vocab using fts5vocab(feedback_fts, 'row')`.execute(db)
    await sql`create trigger feedback_fts_insert after insert on feedback begin
      insert into feedback_fts(rowid, text) values (new.id, new.text || ${sql.raw(PAD)}); end`.execute(db)
    await sql`create trigger feedback_fts_delete after delete on feedback begin
      insert into feedback_fts(feedback_fts, rowid, text) values ('delete', old.id, old.text || ${sql.raw(PAD)});
      delete from feedback_reasons where feedback_id = old.id; end`.execute(db)
    await sql`create trigger feedback_fts_update after update of text on feedback begin
      insert into feedback_fts(feedback_fts, rowid, text) values ('delete', old.id, old.text || ${sql.raw(PAD)});
      insert into feedback_fts(rowid, text) values (new.id, new.text || ${sql.raw(PAD)});
      delete from feedback_reasons where feedback_id = old.id; end`.execute(db)
    // Not the 'rebuild' command: it would index the texts without the padding.
    await sql`insert into feedback_fts(rowid, text) select id, text || ${sql.raw(PAD)} from feedback`.execute(db)
  },
  async down(db: Kysely<any>) {
    await sql`drop table if exists feedback_fts_vocab`.execute(db)
    for (const t of ['feedback_fts_insert', 'feedback_fts_delete', 'feedback_fts_update']) await sql`drop trigger if exists ${sql.id(t)}`.execute(db)
    await sql`drop table if exists feedback_fts`.execute(db)
    await db.schema.dropTable('feedback_reasons').ifExists().execute()
  },
}
