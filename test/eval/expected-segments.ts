import { reasonName } from '../../src/catalog/reasons.js'
import type { Db } from '../../src/db/open-database.js'
import type { Filters, Range } from './eval-case.js'
import { dimensionSql, q, rows, whereSql } from './expected-values.js'

/**
 * Expected numbers for comparisons and reasons, again in SQL written here: churned = a
 * subscription ended in [from, to); retained = active at `to` and not churned in the period.
 */
export async function expectedStatusCounts(db: Db, r: Range, filters: Filters): Promise<{ churned: number; retained: number }> {
  const where = whereSql(filters, await dimensionSql(db))
  const [row] = await rows(db, `select
      count(distinct case when x.churned = 1 then x.customer_id end) as churned,
      count(distinct case when x.churned = 0 and x.active_end = 1 then x.customer_id end) as retained
    from (select sp.customer_id,
            max(case when sp.end_date >= ${q(r.from)} and sp.end_date < ${q(r.to)} then 1 else 0 end) as churned,
            max(case when sp.start_date < ${q(r.to)} and (sp.end_date is null or sp.end_date >= ${q(r.to)}) then 1 else 0 end) as active_end
          from subscriptions sp where sp.start_date < ${q(r.to)} and (sp.end_date is null or sp.end_date >= ${q(r.from)})
          group by sp.customer_id) x
    join customers c on c.id = x.customer_id where 1 = 1 ${where}`)
  return { churned: Number(row?.churned ?? 0), retained: Number(row?.retained ?? 0) }
}

/** The top stored churn reason of customers who churned in the period (each counted at their last churn), with its share. */
export async function expectedTopReason(db: Db, r: Range, filters: Filters, lang: 'en' | 'zh'): Promise<{ name: string; share: number; total: number } | null> {
  const where = whereSql(filters, await dimensionSql(db))
  const list = await rows(db, `select coalesce(sp.reason_code, 'unknown') as code, count(*) as n
    from subscriptions sp join customers c on c.id = sp.customer_id
    where sp.end_date >= ${q(r.from)} and sp.end_date < ${q(r.to)} ${where}
      and sp.end_date = (select max(s2.end_date) from subscriptions s2 where s2.customer_id = sp.customer_id and s2.end_date >= ${q(r.from)} and s2.end_date < ${q(r.to)})
    group by code order by n desc`)
  const total = list.reduce((a, x) => a + Number(x.n), 0)
  const top = list.find((x) => x.code !== 'other' && x.code !== 'unknown')
  if (!top || !total) return null
  return { name: reasonName(String(top.code))[lang], share: (100 * Number(top.n)) / total, total }
}

/** True when the quoted text (without a trailing ellipsis) occurs in some stored feedback or stated reason. */
export async function quoteExists(db: Db, quote: string): Promise<boolean> {
  const text = quote.replace(/…$/, '').trim()
  if (text.length < 4) return false
  const [row] = await rows(db, `select (select count(*) from feedback where instr(text, ${q(text)}) > 0) + (select count(*) from subscriptions where instr(reason_text, ${q(text)}) > 0) as n`)
  return Number(row?.n ?? 0) > 0
}
