import { sql } from 'kysely'
import type { Db } from '../../src/db/open-database.js'
import type { Filters, Range } from './eval-case.js'

/**
 * Expected numbers, computed with SQL written here, independently of the metric engine and the
 * tools: the same definitions (churn over a month = of those active on its first day, the share whose
 * subscription ended in it; over several months the average of the monthly rates; active at t = started
 * before t and not ended before t; MRR compares the month before the period with its last month, counting
 * at the start only customers active at the period's first day and at the end only those still active
 * then, so a customer who left is lost once, in the period of the churn date), spelled out by hand.
 */
export type Expected = { label: string; value: number | null }

/** Metrics this module can check; others are checked on tools and arguments only. */
export const checkedMetrics = new Set([
  'churn_rate', 'churned_customers', 'active_customers', 'new_customers', 'reactivated_customers', 'retention_rate',
  'mrr', 'churned_mrr', 'gross_revenue_churn_rate', 'net_revenue_retention', 'gross_revenue_retention', 'arpa',
  'tickets', 'avg_resolution_hours', 'nps', 'avg_tenure',
])

export type Row = Record<string, number | string | null>
export const q = (s: string) => `'${s.replace(/'/g, "''")}'`
const prevMonth = (d: string) => { const x = new Date(`${d}T00:00:00Z`); x.setUTCDate(x.getUTCDate() - 1); return `${x.toISOString().slice(0, 7)}-01` }

export async function rows(db: Db, text: string): Promise<Row[]> {
  return (await sql.raw(text).execute(db)).rows as Row[]
}

/** SQL for a dimension's value of customer `c`, read from the dimensions table's own description of where it lives. */
export async function dimensionSql(db: Db): Promise<(id: string) => string> {
  const dims = await rows(db, 'select id, source from dimensions')
  const src = new Map(dims.map((d) => [String(d.id), String(d.source)]))
  return (id) => {
    const s = src.get(id)
    if (!s) throw new Error(`eval: unknown dimension ${id}`)
    return s.startsWith('column:') ? `c.${s.slice(7)}` : `(select value from customer_attributes a where a.customer_id = c.id and a.dimension = ${q(id)})`
  }
}

export function whereSql(filters: Filters, dim: (id: string) => string): string {
  const parts = Object.entries(filters).map(([d, vs]) => `${dim(d)} in (${vs.map(q).join(', ')})`)
  return parts.length ? `and ${parts.join(' and ')}` : ''
}

/** Measures of one metric family over [from, to), per segment (`seg`, joined by ' / '). */
async function measures(db: Db, metric: string, r: Range, by: string[], filters: Filters, perCustomer = false): Promise<Row[]> {
  const dim = await dimensionSql(db)
  const seg = by.length ? by.map((d) => `coalesce(${dim(d)}, '(not set)')`).join(` || ' / ' || `) : `'total'`
  const where = whereSql(filters, dim)
  const { from: s, to: e } = r
  if (['mrr', 'churned_mrr', 'gross_revenue_churn_rate', 'net_revenue_retention', 'gross_revenue_retention', 'arpa'].includes(metric)) {
    const sm = prevMonth(s)
    const em = prevMonth(e)
    return rows(db, `select ${seg} as seg, sum(x.s) as start_mrr, sum(x.e) as end_mrr,
        sum(case when x.s > 0 and x.e <= 0 then x.s else 0 end) as churned_mrr,
        sum(case when x.s > 0 and x.e > 0 and x.e < x.s then x.s - x.e else 0 end) as contraction_mrr,
        sum(case when x.s > 0 and x.e > x.s then x.e - x.s else 0 end) as expansion_mrr,
        sum(case when x.e > 0 then 1 else 0 end) as paying_end
      from (select h.customer_id, sum(case when h.month = ${q(sm)} and exists (select 1 from subscriptions a where a.customer_id = h.customer_id
                     and a.start_date < ${q(s)} and (a.end_date is null or a.end_date >= ${q(s)})) then h.mrr else 0 end) as s,
                   sum(case when h.month = ${q(em)} and exists (select 1 from subscriptions a where a.customer_id = h.customer_id
                     and a.start_date < ${q(e)} and (a.end_date is null or a.end_date >= ${q(e)})) then h.mrr else 0 end) as e
            from mrr_history h where h.month in (${q(sm)}, ${q(em)}) group by h.customer_id) x
      join customers c on c.id = x.customer_id where 1 = 1 ${where} group by seg`)
  }
  if (metric === 'tickets' || metric === 'avg_resolution_hours') {
    return rows(db, `select ${seg} as seg, count(*) as tickets, avg(t.hours_to_resolve) as hours from tickets t join customers c on c.id = t.customer_id
      where t.opened_date >= ${q(s)} and t.opened_date < ${q(e)} ${where} group by seg`)
  }
  if (metric === 'nps') {
    return rows(db, `select ${seg} as seg, count(*) as n, sum(f.rating >= 9) as pro, sum(f.rating <= 6) as det from feedback f join customers c on c.id = f.customer_id
      where f.source = 'nps' and f.rating is not null and f.date >= ${q(s)} and f.date < ${q(e)} ${where} group by seg`)
  }
  if (metric === 'avg_tenure') {
    return rows(db, `select ${seg} as seg, avg((julianday(${q(e)}) - julianday(c.signup_date)) / 30.4375) as tenure from subscriptions sp join customers c on c.id = sp.customer_id
      where sp.start_date < ${q(e)} and (sp.end_date is null or sp.end_date >= ${q(e)}) ${where} group by seg`)
  }
  const active = (t: string) => `sp.start_date < ${q(t)} and (sp.end_date is null or sp.end_date >= ${q(t)})`
  // Both the metric catalog and compare_segments count each customer once.
  void perCustomer
  const count = (cond: string) => `count(distinct case when ${cond} then sp.customer_id end)`
  return rows(db, `select ${seg} as seg,
      ${count(active(s))} as active_start,
      ${count(active(e))} as active_end,
      ${count(`sp.start_date >= ${q(s)} and sp.start_date < ${q(e)} and sp.is_reactivation = 0`)} as new,
      ${count(`sp.start_date >= ${q(s)} and sp.start_date < ${q(e)} and sp.is_reactivation = 1`)} as reactivated,
      ${count(`sp.end_date >= ${q(s)} and sp.end_date < ${q(e)}`)} as churned,
      ${count(`sp.start_date < ${q(s)} and sp.end_date >= ${q(s)} and sp.end_date < ${q(e)}`)} as churned_from_start
    from subscriptions sp join customers c on c.id = sp.customer_id where 1 = 1 ${where} group by seg`)
}

function valueOf(metric: string, m: Row): number | null {
  const n = (k: string) => Number(m[k] ?? 0)
  const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : null)
  switch (metric) {
    case 'churn_rate': return pct(n('churned_from_start'), n('active_start'))
    case 'churned_customers': return n('churned')
    case 'active_customers': return n('active_end')
    case 'new_customers': return n('new')
    case 'reactivated_customers': return n('reactivated')
    case 'retention_rate': return pct(n('active_start') - n('churned_from_start'), n('active_start'))
    case 'mrr': return n('end_mrr')
    case 'churned_mrr': return n('churned_mrr')
    case 'gross_revenue_churn_rate': return pct(n('churned_mrr') + n('contraction_mrr'), n('start_mrr'))
    case 'net_revenue_retention': return pct(n('start_mrr') - n('churned_mrr') - n('contraction_mrr') + n('expansion_mrr'), n('start_mrr'))
    case 'gross_revenue_retention': return pct(n('start_mrr') - n('churned_mrr') - n('contraction_mrr'), n('start_mrr'))
    case 'arpa': return n('paying_end') > 0 ? n('end_mrr') / n('paying_end') : null
    case 'tickets': return n('tickets')
    case 'avg_resolution_hours': return m.hours === null ? null : n('hours')
    case 'nps': return n('n') > 0 ? (100 * (n('pro') - n('det'))) / n('n') : null
    case 'avg_tenure': return m.tenure === null ? null : n('tenure')
    default: throw new Error(`eval: no independent SQL for ${metric}`)
  }
}

/** Calendar buckets of a range at a grain, clipped to it. */
export function buckets(r: Range, grain: string): Array<Range & { label: string }> {
  const months = grain === 'quarter' ? 3 : grain === 'year' ? 12 : 1
  const out: Array<Range & { label: string }> = []
  const d = new Date(`${r.from.slice(0, 7)}-01T00:00:00Z`)
  if (grain === 'quarter') d.setUTCMonth(Math.floor(d.getUTCMonth() / 3) * 3)
  if (grain === 'year') d.setUTCMonth(0)
  while (d.toISOString().slice(0, 10) < r.to) {
    const start = d.toISOString().slice(0, 10)
    d.setUTCMonth(d.getUTCMonth() + months)
    const end = d.toISOString().slice(0, 10)
    const label = grain === 'quarter' ? `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}` : grain === 'year' ? start.slice(0, 4) : start.slice(0, 7)
    out.push({ from: start < r.from ? r.from : start, to: end > r.to ? r.to : end, label })
  }
  return out
}

/**
 * Churn over a range: the starting cohort's churn of each calendar month in it, averaged when the
 * range spans several months (the catalog's definition), per segment.
 */
async function averageMonthlyChurn(db: Db, r: Range, by: string[], filters: Filters): Promise<Row[]> {
  const months = buckets(r, 'month')
  const perMonth = await Promise.all(months.map((m) => measures(db, 'churn_rate', m, by, filters)))
  const acc = new Map<string, { sum: number; n: number }>()
  for (const rows of perMonth) {
    for (const row of rows) {
      const v = valueOf('churn_rate', row)
      if (v === null) continue
      const a = acc.get(String(row.seg)) ?? { sum: 0, n: 0 }
      a.sum += v
      a.n++
      acc.set(String(row.seg), a)
    }
  }
  return [...acc].map(([seg, a]) => ({ seg, avg: a.sum / a.n }))
}

/** Expected values of a metric question: one per segment, or one per time bucket, or the total. */
export async function expectedMetric(db: Db, spec: { metric: string; period: Range; by?: string[]; filters?: Filters; grain?: string; perCustomer?: boolean }): Promise<Expected[]> {
  if (spec.metric === 'churn_rate' && !spec.perCustomer) {
    if (spec.grain) {
      const out: Expected[] = []
      for (const b of buckets(spec.period, spec.grain)) {
        const [row] = await averageMonthlyChurn(db, b, [], spec.filters ?? {})
        out.push({ label: b.label, value: row ? Number(row.avg) : null })
      }
      return out
    }
    return (await averageMonthlyChurn(db, spec.period, spec.by ?? [], spec.filters ?? {})).map((row) => ({ label: String(row.seg), value: Number(row.avg) }))
  }
  if (spec.grain) {
    const out: Expected[] = []
    for (const b of buckets(spec.period, spec.grain)) {
      const m = await measures(db, spec.metric, b, [], spec.filters ?? {}, spec.perCustomer)
      out.push({ label: b.label, value: m[0] ? valueOf(spec.metric, m[0]) : null })
    }
    return out
  }
  const m = await measures(db, spec.metric, spec.period, spec.by ?? [], spec.filters ?? {}, spec.perCustomer)
  return m.map((row) => ({ label: String(row.seg), value: valueOf(spec.metric, row) }))
}
