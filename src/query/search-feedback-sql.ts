import { sql, type Kysely, type RawBuilder } from 'kysely'
import { dialectName } from '../db/dialects/dialect-name.js'
import type { FeedbackTable } from '../db/schema.js'
import { inlineParameters, runFamily } from './families/family.js'
import type { Period } from '../time/period.js'
import type { QueryDeps } from './run-metric.js'
import { applySegments, type SegmentPlan } from './segment-sql.js'
import { withSpells } from './spells.js'

/** What to search: lower-cased terms (any may match), the period, customer filters and feedback filters. */
export type FeedbackSearch = {
  terms: string[]
  period: Period
  plan: SegmentPlan
  sources?: Array<FeedbackTable['source']>
  language?: 'en' | 'zh'
  churnedOnly?: boolean
  limit: number
}

/** One matching feedback row, newest first. */
export type FeedbackHit = { id: number; customer_id: string; date: string; source: FeedbackTable['source']; rating: number | null; language: 'en' | 'zh'; text: string; churned: number }

/** A LIKE pattern matching `term` anywhere, with LIKE's wildcards (and the escape character) taken literally. */
export function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The shortest term the FTS5 trigram index can find as a phrase. */
const TRIGRAM = 3
/** A short term beginning more distinct trigrams than this is searched by LIKE instead (a huge OR). */
const MAX_GRAMS = 2000

/** An FTS5 query matching any of `terms` as a literal substring (each a quoted phrase; quotes doubled). */
export function ftsMatch(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ')
}

/**
 * "text contains any term", case-insensitively, and the SQL of any lookup it needed.
 * SQLite/D1: through the FTS5 trigram index (feedback_fts). Terms of 3+ characters are phrases;
 * a shorter term (many Chinese words are one or two characters) stands for the indexed trigrams
 * that begin with it, read from the term list (texts are indexed with padding so every
 * occurrence begins one; see migration 006-perf-1-feedback-fts); LIKE if there are too many.
 * PostgreSQL: ILIKE.
 */
async function containsAny(db: Kysely<any>, terms: string[]): Promise<{ where: RawBuilder<unknown>; sql: string[] }> {
  const like = (t: string) => sql`f.text ${sql.raw(dialectName(db) === 'postgres' ? 'ilike' : 'like')} ${likePattern(t)} escape '\\'`
  if (dialectName(db) === 'postgres') return { where: sql`(${sql.join(terms.map(like), sql` or `)})`, sql: [] }
  const phrases = terms.filter((t) => [...t].length >= TRIGRAM)
  const scans: string[] = []
  const lookups: string[] = []
  for (const t of terms.filter((x) => [...x].length < TRIGRAM)) {
    const q = sql<{ term: string }>`select term from feedback_fts_vocab where term >= ${t} and term < ${`${t}\u{10FFFF}`}`
    const grams = await q.execute(db)
    lookups.push(inlineParameters(q.compile(db).sql, q.compile(db).parameters))
    if (grams.rows.length > MAX_GRAMS) scans.push(t)
    else phrases.push(...grams.rows.map((r) => r.term))
  }
  const parts = [
    ...(phrases.length ? [sql`f.id in (select rowid from feedback_fts where feedback_fts match ${ftsMatch(phrases)})`] : []),
    ...scans.map(like),
  ]
  return { where: parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`1 = 0`, sql: lookups }
}

/**
 * Two queries over the same filtered feedback: match counts per source (their sum is the total)
 * and the newest `limit` matches. "Churned" = the customer has a spell that ended on or before the
 * as-of date and none active on it, under the configured churn definition.
 */
export async function searchFeedbackRows(deps: QueryDeps, s: FeedbackSearch): Promise<{ bySource: Array<{ source: string; matches: number }>; hits: FeedbackHit[]; sql: string[] }> {
  const asOf = deps.catalog.meta.asOf
  const churned = sql<number>`case when exists (select 1 from spells s where s.customer_id = f.customer_id and s.end_date is not null and s.end_date <= ${asOf})
    and not exists (select 1 from spells s where s.customer_id = f.customer_id and s.start_date <= ${asOf} and (s.end_date is null or s.end_date > ${asOf})) then 1 else 0 end`
  // A term containing another term adds no matches to a substring search ("costs" given "cost"): leave it out of the SQL.
  const likeTerms = s.terms.filter((t) => !s.terms.some((o) => o !== t && t.includes(o)))
  const db = deps.db as unknown as Kysely<any>
  const contains = await containsAny(db, likeTerms)
  const base = () => {
    let q = (withSpells(db, deps.churn, asOf) as any)
      .selectFrom('feedback as f')
      .where('f.date', '>=', s.period.from)
      .where('f.date', '<', s.period.to)
      .where(contains.where)
    if (s.sources?.length) q = q.where('f.source', 'in', s.sources)
    if (s.language) q = q.where('f.language', '=', s.language)
    if (s.churnedOnly) q = q.where(sql`${churned} = 1`)
    return applySegments(q, s.plan, 'f.customer_id')
  }
  const counts = await runFamily(base().select(['f.source', sql<number>`count(*)`.as('matches')]).groupBy('f.source').orderBy(sql`count(*)`, 'desc').orderBy('f.source'))
  const items = await runFamily(
    base()
      .select(['f.id', 'f.customer_id', 'f.date', 'f.source', 'f.rating', 'f.language', 'f.text', churned.as('churned')])
      .orderBy('f.date', 'desc').orderBy('f.id', 'desc')
      .limit(s.limit),
  )
  return {
    bySource: counts.rows.map((r) => ({ source: String(r.source), matches: Number(r.matches) })),
    hits: items.rows as unknown as FeedbackHit[],
    sql: [...contains.sql, counts.sql, items.sql],
  }
}
