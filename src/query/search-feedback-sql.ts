import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { FeedbackTable } from '../db/schema.js'
import { runFamily } from './families/family.js'
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

/**
 * Two queries over the same filtered feedback: match counts per source (their sum is the total)
 * and the newest `limit` matches. "Churned" = the customer has a spell that ended on or before the
 * as-of date and none active on it, under the configured churn definition.
 */
export async function searchFeedbackRows(deps: QueryDeps, s: FeedbackSearch): Promise<{ bySource: Array<{ source: string; matches: number }>; hits: FeedbackHit[]; sql: string[] }> {
  const asOf = deps.catalog.meta.asOf
  const churned = sql<number>`case when exists (select 1 from spells s where s.customer_id = f.customer_id and s.end_date is not null and s.end_date <= ${asOf})
    and not exists (select 1 from spells s where s.customer_id = f.customer_id and s.start_date <= ${asOf} and (s.end_date is null or s.end_date > ${asOf})) then 1 else 0 end`
  // A term containing another term adds no matches under LIKE '%…%' ("costs" given "cost"): leave it out of the SQL.
  const likeTerms = s.terms.filter((t) => !s.terms.some((o) => o !== t && t.includes(o)))
  const base = () => {
    let q = (withSpells(deps.db as unknown as Kysely<any>, deps.churn, asOf) as any)
      .selectFrom('feedback as f')
      .where('f.date', '>=', s.period.from)
      .where('f.date', '<', s.period.to)
      .where(sql`(${sql.join(likeTerms.map((t): RawBuilder<unknown> => sql`lower(f.text) like ${likePattern(t)} escape '\\'`), sql` or `)})`)
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
    sql: [counts.sql, items.sql],
  }
}
