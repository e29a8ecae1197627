import { CompiledQuery, type Kysely } from 'kysely'
import { classifyReason } from '../catalog/classify-reason.js'
import { dialectName } from './dialects/dialect-name.js'
import type { Database } from './schema.js'

/** Texts read and categories written per round trip. */
const BATCH = 5000

/**
 * Classifies every feedback text that has no stored category yet and stores it in
 * feedback_reasons, so churn_reasons reads categories instead of re-running the classifier on
 * every text at question time. Call it after writing feedback (the sample seed does; an import
 * should call it once after its transaction). Returns how many texts were classified.
 * Identical texts (common in survey exports and the sample) are classified once.
 */
export async function storeReasonCategories(db: Kysely<Database>): Promise<number> {
  const memo = new Map<string, string>()
  let after = 0
  let stored = 0
  const pg = dialectName(db) === 'postgres'
  // Cloudflare D1 allows 100 bind parameters per statement: 50 rows of two fit every dialect.
  const perInsert = 50
  for (;;) {
    const rows = await db
      .selectFrom('feedback as f')
      .leftJoin('feedback_reasons as r', 'r.feedback_id', 'f.id')
      .where('r.feedback_id', 'is', null)
      .where('f.id', '>', after)
      .select(['f.id', 'f.text'])
      .orderBy('f.id')
      .limit(BATCH)
      .execute()
    if (!rows.length) return stored
    const values = rows.map((r) => {
      let id = memo.get(r.text)
      if (id === undefined) {
        id = classifyReason(r.text).id
        if (memo.size < 200_000) memo.set(r.text, id)
      }
      return { feedback_id: r.id, reason_id: id }
    })
    // Statement text built directly: the query builder's per-value work dominates at millions of rows.
    for (let i = 0; i < values.length; i += perInsert) {
      const batch = values.slice(i, i + perInsert)
      const marks = batch.map((_, j) => (pg ? `($${2 * j + 1}, $${2 * j + 2})` : '(?, ?)')).join(', ')
      await db.executeQuery(CompiledQuery.raw(`insert into feedback_reasons (feedback_id, reason_id) values ${marks}`, batch.flatMap((v) => [v.feedback_id, v.reason_id])))
    }
    stored += rows.length
    after = rows[rows.length - 1].id
  }
}
