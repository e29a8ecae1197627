import { sql, type RawBuilder } from 'kysely'
import type { Bilingual, Unit } from '../catalog/types.js'
import { dialectSql } from './dialect-sql.js'
import type { Moments } from './significance.js'

/** Measures compare_segments can put side by side. */
export const compareMeasureIds = ['churn_rate', 'tenure_months', 'mrr', 'tickets_per_customer', 'resolution_hours', 'logins', 'logins_trend', 'nps'] as const
/** One of compareMeasureIds. */
export type CompareMeasureId = (typeof compareMeasureIds)[number]

/** The period bounds the per-customer SQL needs: [from, to) and the first month whose snapshot lies in it. */
export type MeasureWindow = { from: string; to: string; firstMonth: string }

/** One segment's value of a measure, its sample size, and what the significance test needs. */
export type MeasureSummary = { value: number | null; n: number; moments?: Moments; proportion?: { x: number; n: number } }

/**
 * A comparison measure. `perCustomer` columns are computed per member row (alias `m`: customer_id,
 * endpoint, signup_date, months_since_signup, churned, active_start) in the `vals` CTE; `aggregates`
 * sum them per segment; `summarize` turns the aggregate row into the value and test input.
 */
export type CompareMeasure = {
  id: CompareMeasureId
  name: Bilingual
  unit: Unit
  test: 'two_proportion_z' | 'welch_t'
  description: string
  perCustomer: (w: MeasureWindow) => Record<string, RawBuilder<unknown>>
  aggregates: Record<string, RawBuilder<unknown>>
  summarize: (r: Record<string, number>, ctx: { snapshot: boolean }) => MeasureSummary
}

// SQLite date fragments (julianday/strftime); they belong in dialectSql once a second dialect lands.
const monthStart = (shift: number) => sql<string>`date(m.endpoint, 'start of month', ${`${shift} months`})`
const loginsIn = (fromShift: number, toShift: number) =>
  sql<number>`coalesce((select sum(act.logins) from activity act where act.customer_id = m.customer_id and act.month >= ${monthStart(fromShift)} and act.month < ${monthStart(toShift)}), 0)`
const tixWhere = (w: MeasureWindow) => sql`t.customer_id = m.customer_id and t.opened_date >= ${w.from} and t.opened_date < m.endpoint`
const npsWhere = (w: MeasureWindow) => sql`f.customer_id = m.customer_id and f.source = 'nps' and f.rating is not null and f.date >= ${w.from} and f.date < ${w.to}`

/** count/sum/sum-of-squares aggregates of a per-customer column. */
function momentsOf(col: string): Record<string, RawBuilder<unknown>> {
  const c = sql.ref(`v.${col}`)
  return { [`${col}_n`]: sql`count(${c})`, [`${col}_sum`]: sql`sum(${c})`, [`${col}_ss`]: sql`sum(${c} * ${c})` }
}
function readMoments(r: Record<string, number>, col: string): Moments {
  return { n: r[`${col}_n`] ?? 0, sum: r[`${col}_sum`] ?? 0, sumSq: r[`${col}_ss`] ?? 0 }
}
const meanOf = (m: Moments, scale = 1): MeasureSummary => ({ value: m.n > 0 ? (scale * m.sum) / m.n : null, n: m.n, moments: m })

/** The measures, in the order results list them. */
export const compareMeasures: readonly CompareMeasure[] = [
  {
    id: 'churn_rate', name: { en: 'Churn rate', zh: '流失率' }, unit: 'percent', test: 'two_proportion_z',
    description: 'of the customers active at the period start, the share who churned in it (a snapshot file: churned ÷ all its customers)',
    perCustomer: () => ({}),
    // The numerator is a subset of the denominator: only churners who were active at the start count.
    aggregates: { cr_churned: sql`sum(v.churned * v.active_start)`, cr_active: sql`sum(v.active_start)`, cr_all_churned: sql`sum(v.churned)`, cr_all: sql`count(*)` },
    summarize: (r, ctx) => {
      const [x, n] = ctx.snapshot ? [r.cr_all_churned, r.cr_all] : [r.cr_churned, r.cr_active]
      return { value: n > 0 ? (100 * x) / n : null, n, proportion: { x, n } }
    },
  },
  {
    id: 'tenure_months', name: { en: 'Tenure (months)', zh: '在网时长（月）' }, unit: 'months', test: 'welch_t',
    description: 'months from signup to the endpoint (churn date, or period end for those who stayed)',
    perCustomer: () => ({ ten: sql`${dialectSql.daysBetween(sql.ref('m.signup_date'), sql.ref('m.endpoint'))} / 30.4375` }),
    aggregates: momentsOf('ten'),
    summarize: (r) => meanOf(readMoments(r, 'ten')),
  },
  {
    id: 'mrr', name: { en: 'Average MRR', zh: '平均月收入' }, unit: 'currency', test: 'welch_t',
    description: "each customer's average MRR over the months with revenue from the period's first month to the endpoint",
    perCustomer: (w) => ({ mrr: sql`(select avg(h.mrr) from mrr_history h where h.customer_id = m.customer_id and h.month >= ${w.firstMonth} and h.month < m.endpoint and h.mrr > 0)` }),
    aggregates: momentsOf('mrr'),
    summarize: (r) => meanOf(readMoments(r, 'mrr')),
  },
  {
    id: 'tickets_per_customer', name: { en: 'Tickets per customer', zh: '人均工单数' }, unit: 'per_customer', test: 'welch_t',
    description: 'support tickets opened from period start to the endpoint, per customer (zero included)',
    perCustomer: (w) => ({ tix: sql`(select count(*) from tickets t where ${tixWhere(w)})` }),
    aggregates: momentsOf('tix'),
    summarize: (r) => meanOf(readMoments(r, 'tix')),
  },
  {
    id: 'resolution_hours', name: { en: 'Hours to resolve', zh: '工单解决时长（小时）' }, unit: 'hours', test: 'welch_t',
    description: 'average hours to resolve the resolved tickets opened from period start to the endpoint (tickets are the sample)',
    perCustomer: (w) => ({
      res_n: sql`(select count(t.hours_to_resolve) from tickets t where ${tixWhere(w)})`,
      res_sum: sql`(select sum(t.hours_to_resolve) from tickets t where ${tixWhere(w)})`,
      res_ss: sql`(select sum(t.hours_to_resolve * t.hours_to_resolve) from tickets t where ${tixWhere(w)})`,
    }),
    aggregates: { res_n: sql`sum(v.res_n)`, res_sum: sql`sum(v.res_sum)`, res_ss: sql`sum(v.res_ss)` },
    summarize: (r) => meanOf(readMoments(r, 'res')),
  },
  {
    id: 'logins', name: { en: 'Monthly logins', zh: '月均登录次数' }, unit: 'per_customer', test: 'welch_t',
    description: 'average monthly logins in the 3 whole months before the endpoint month (months before signup excluded, months without activity count as 0)',
    perCustomer: () => ({
      lg: sql`case when m.months_since_signup > 0 then ${loginsIn(-3, 0)} * 1.0 / (case when m.months_since_signup >= 3 then 3 else m.months_since_signup end) end`,
    }),
    aggregates: momentsOf('lg'),
    summarize: (r) => meanOf(readMoments(r, 'lg')),
  },
  {
    id: 'logins_trend', name: { en: 'Logins trend', zh: '登录变化' }, unit: 'percent', test: 'welch_t',
    description: '% change of average monthly logins, 3 months before the endpoint vs the 3 before those, over customers with 6+ months of history; tested on each customer\'s change in monthly logins',
    perCustomer: () => ({
      lt_r: sql`case when m.months_since_signup >= 6 then ${loginsIn(-3, 0)} / 3.0 end`,
      lt_p: sql`case when m.months_since_signup >= 6 then ${loginsIn(-6, -3)} / 3.0 end`,
    }),
    aggregates: { lt_r: sql`sum(v.lt_r)`, lt_p: sql`sum(v.lt_p)`, lt_d_n: sql`count(v.lt_r)`, lt_d_sum: sql`sum(v.lt_r - v.lt_p)`, lt_d_ss: sql`sum((v.lt_r - v.lt_p) * (v.lt_r - v.lt_p))` },
    summarize: (r) => ({ value: r.lt_p > 0 ? (100 * (r.lt_r - r.lt_p)) / r.lt_p : null, n: r.lt_d_n ?? 0, moments: readMoments(r, 'lt_d') }),
  },
  {
    id: 'nps', name: { en: 'NPS', zh: '净推荐值' }, unit: 'score', test: 'welch_t',
    description: 'NPS of survey answers in the period: (promoters 9–10 − detractors 0–6) ÷ responses × 100; tested as a mean of +1/0/−1 scores',
    perCustomer: (w) => ({
      np_n: sql`(select count(*) from feedback f where ${npsWhere(w)})`,
      np_pro: sql`(select count(*) from feedback f where ${npsWhere(w)} and f.rating >= 9)`,
      np_det: sql`(select count(*) from feedback f where ${npsWhere(w)} and f.rating <= 6)`,
    }),
    aggregates: { np_n: sql`sum(v.np_n)`, np_pro: sql`sum(v.np_pro)`, np_det: sql`sum(v.np_det)` },
    // A +1/0/−1 score per answer: its sum is promoters − detractors and its sum of squares promoters + detractors.
    summarize: (r) => meanOf({ n: r.np_n ?? 0, sum: (r.np_pro ?? 0) - (r.np_det ?? 0), sumSq: (r.np_pro ?? 0) + (r.np_det ?? 0) }, 100),
  },
]

/** The measure definition for an id. */
export function compareMeasure(id: CompareMeasureId): CompareMeasure {
  return compareMeasures.find((m) => m.id === id)!
}
