import { sql, type Kysely } from 'kysely'
import type { FeedbackTable } from '../db/schema.js'
import { dialectSql } from './dialect-sql.js'
import { runFamily } from './families/family.js'
import type { Period } from '../time/period.js'
import type { QueryDeps } from './run-metric.js'
import { applySegments, type SegmentPlan } from './segment-sql.js'
import { withSpells } from './spells.js'

/** Feedback counts as a churned customer's explanation from this many days before the churn date… */
export const TEXT_DAYS_BEFORE = 90
/** …to this many days after it (exit interviews often come later). */
export const TEXT_DAYS_AFTER = 30

/** A feedback text as the reason tools read it; `category` is its stored reason category (null when not stored yet). */
export type FeedbackText = { feedback_id: number; customer_id: string; date: string; source: FeedbackTable['source']; language: 'en' | 'zh'; text: string; category: string | null }

/** One churned customer with a stored reason (if any) and, per row, one nearby feedback text (nulls when none). */
export type ChurnReasonRow = { customer_id: string; churn_date: string; reason_code: string | null; reason_text: string | null } & (FeedbackText | { [K in keyof FeedbackText]: null })

/**
 * Customers who churned in the period (their last churn in it when several), the stored reason of
 * that spell, and their feedback texts from TEXT_DAYS_BEFORE before to TEXT_DAYS_AFTER after it.
 */
export async function churnReasonRows(deps: QueryDeps, period: Period, plan: SegmentPlan): Promise<{ rows: ChurnReasonRow[]; sql: string }> {
  const db = deps.db as unknown as Kysely<any>
  const stored = (col: 'reason_code' | 'reason_text') =>
    sql`(select sub.${sql.ref(col)} from subscriptions sub where sub.customer_id = ch.customer_id and sub.end_date = ch.churn_date and sub.${sql.ref(col)} is not null limit 1)`
  const query = (withSpells(db, deps.churn, deps.catalog.meta.asOf) as any)
    .with('churned', (q: any) =>
      applySegments(
        q.selectFrom('spells as s')
          .where(sql`s.end_date >= ${period.from} and s.end_date < ${period.to}`)
          .select(['s.customer_id', sql`max(s.end_date)`.as('churn_date')])
          .groupBy('s.customer_id'),
        plan,
        's.customer_id',
      ))
    .selectFrom('churned as ch')
    .leftJoin('feedback as f', (j: any) =>
      j.onRef('f.customer_id', '=', 'ch.customer_id')
        .on(sql`f.date <= ${dialectSql.addDays(sql.ref('ch.churn_date'), TEXT_DAYS_AFTER)}`)
        // Shift the feedback date forward rather than the churn date back: addDays takes n ≥ 0.
        .on(sql`${dialectSql.addDays(sql.ref('f.date'), TEXT_DAYS_BEFORE)} >= ch.churn_date`))
    .leftJoin('feedback_reasons as fr', 'fr.feedback_id', 'f.id')
    .select([
      'ch.customer_id', 'ch.churn_date', stored('reason_code').as('reason_code'), stored('reason_text').as('reason_text'),
      'f.id as feedback_id', 'f.date', 'f.source', 'f.language', 'f.text', 'fr.reason_id as category',
    ])
    .orderBy('ch.churn_date').orderBy('ch.customer_id').orderBy('f.date').orderBy('f.id')
  const r = await runFamily(query)
  return { rows: r.rows as unknown as ChurnReasonRow[], sql: r.sql }
}

/** Every feedback text dated in the period, from customers matching the filters. */
export async function periodFeedbackRows(deps: QueryDeps, period: Period, plan: SegmentPlan): Promise<{ rows: FeedbackText[]; sql: string }> {
  const db = deps.db as unknown as Kysely<any>
  const query = applySegments(
    db.selectFrom('feedback as f')
      .leftJoin('feedback_reasons as fr', 'fr.feedback_id', 'f.id')
      .where('f.date', '>=', period.from)
      .where('f.date', '<', period.to)
      .select(['f.id as feedback_id', 'f.customer_id', 'f.date', 'f.source', 'f.language', 'f.text', 'fr.reason_id as category'])
      .orderBy('f.date').orderBy('f.id'),
    plan,
    'f.customer_id',
  )
  const r = await runFamily(query)
  return { rows: r.rows as unknown as FeedbackText[], sql: r.sql }
}
