import { sql } from 'kysely'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { Db } from '../db/open-database.js'
import { addDays } from '../time/dates.js'

/** One customer's dated history, as the risk features read it. */
export type CustomerHistory = {
  id: string
  name: string
  signup: string
  /** Dimension id → stored value (null when unset). */
  dims: Record<string, string | null>
  spells: Array<{ start: string; end: string | null; reactivation: boolean }>
  activity: Map<string, { logins: number; seats: number; keyUses: number }>
  mrr: Map<string, number>
  /** `resolved`: the day the ticket was resolved (opened + hours, rounded up to days); null while open. */
  tickets: Array<{ opened: string; category: string; hours: number | null; resolved: string | null }>
  /** NPS answers and reviews with a rating. */
  ratings: Array<{ date: string; source: 'nps' | 'review'; rating: number }>
  /** Numeric attributes from customer_measures when that table exists. */
  measures: Record<string, number>
}

/** Everything the features need, plus the SQL that fetched it (provenance). */
export type History = { customers: Map<string, CustomerHistory>; sql: string[]; has: { activity: boolean; tickets: boolean; nps: boolean }; measureNames: string[] }

/**
 * Reads the tables the risk model learns from into memory, one plain SELECT each; the feature
 * code then applies the "strictly before the prediction date" cut in one place (features.ts).
 * `since` limits dated tables to recent months when only current scores are needed.
 */
export async function loadHistory(db: Db, catalog: DataCatalog, since?: string): Promise<History> {
  const queries: string[] = []
  const run = async <T>(q: { compile(): { sql: string }; execute(): Promise<T[]> }): Promise<T[]> => {
    queries.push(q.compile().sql)
    return q.execute()
  }
  const customers = new Map<string, CustomerHistory>()
  const cols = catalog.dimensions.flatMap((d) => (d.source.kind === 'column' ? [d.source.column] : []))
  const crows = await run(db.selectFrom('customers').select(['id', 'name', 'signup_date', ...cols] as any[]))
  for (const r of crows as Array<Record<string, any>>) {
    const dims: Record<string, string | null> = {}
    for (const d of catalog.dimensions) if (d.source.kind === 'column') dims[d.id] = r[d.source.column] ?? null
    customers.set(r.id, { id: r.id, name: r.name, signup: r.signup_date, dims, spells: [], activity: new Map(), mrr: new Map(), tickets: [], ratings: [], measures: {} })
  }
  const attrDims = catalog.dimensions.filter((d) => d.source.kind === 'attribute').map((d) => d.id)
  if (attrDims.length) {
    for (const a of await run(db.selectFrom('customer_attributes').select(['customer_id', 'dimension', 'value']).where('dimension', 'in', attrDims))) {
      const c = customers.get(a.customer_id)
      if (c) c.dims[a.dimension] = a.value
    }
  }
  for (const s of await run(db.selectFrom('subscriptions').select(['customer_id', 'start_date', 'end_date', 'is_reactivation']).orderBy('start_date'))) {
    customers.get(s.customer_id)?.spells.push({ start: s.start_date, end: s.end_date, reactivation: s.is_reactivation === 1 })
  }
  let mrrQ = db.selectFrom('mrr_history').select(['customer_id', 'month', 'mrr'])
  if (since) mrrQ = mrrQ.where('month', '>=', since)
  for (const m of await run(mrrQ)) customers.get(m.customer_id)?.mrr.set(m.month, m.mrr)
  let actQ = db.selectFrom('activity').select(['customer_id', 'month', 'logins', 'active_seats', 'key_feature_uses'])
  if (since) actQ = actQ.where('month', '>=', since)
  let activityRows = 0
  for (const a of await run(actQ)) {
    activityRows++
    customers.get(a.customer_id)?.activity.set(a.month, { logins: a.logins, seats: a.active_seats, keyUses: a.key_feature_uses })
  }
  let tQ = db.selectFrom('tickets').select(['customer_id', 'opened_date', 'category', 'hours_to_resolve'])
  if (since) tQ = tQ.where('opened_date', '>=', since)
  let ticketRows = 0
  for (const t of await run(tQ)) {
    ticketRows++
    customers.get(t.customer_id)?.tickets.push({ opened: t.opened_date, category: t.category, hours: t.hours_to_resolve, resolved: t.hours_to_resolve === null ? null : addDays(t.opened_date, Math.ceil(t.hours_to_resolve / 24)) })
  }
  let fQ = db.selectFrom('feedback').select(['customer_id', 'date', 'source', 'rating']).where('source', 'in', ['nps', 'review']).where('rating', 'is not', null)
  if (since) fQ = fQ.where('date', '>=', since)
  let npsRows = 0
  for (const f of await run(fQ)) {
    if (f.source === 'nps') npsRows++
    customers.get(f.customer_id)?.ratings.push({ date: f.date, source: f.source as 'nps' | 'review', rating: f.rating! })
  }
  for (const c of customers.values()) c.ratings.sort((a, b) => (a.date < b.date ? -1 : 1))
  const measureNames = await loadMeasures(db, customers, queries)
  return { customers, sql: queries, has: { activity: activityRows > 0, tickets: ticketRows > 0, nps: npsRows > 0 }, measureNames }
}

// customer_measures (numeric attributes) is added by the import work; read it only when it exists,
// accepting (customer_id, measure|name|dimension, value).
async function loadMeasures(db: Db, customers: Map<string, CustomerHistory>, queries: string[]): Promise<string[]> {
  const cols = (await sql<{ name: string }>`select name from pragma_table_info('customer_measures')`.execute(db)).rows.map((r) => r.name)
  const key = ['measure', 'name', 'dimension', 'measure_id'].find((c) => cols.includes(c))
  if (!cols.includes('customer_id') || !cols.includes('value') || !key) return []
  const q = sql<{ customer_id: string; k: string; value: number | null }>`select customer_id, ${sql.ref(key)} as k, value from customer_measures`
  queries.push(q.compile(db).sql)
  const names = new Set<string>()
  for (const r of (await q.execute(db)).rows) {
    const v = Number(r.value)
    if (r.value === null || !Number.isFinite(v)) continue
    const c = customers.get(r.customer_id)
    if (!c) continue
    c.measures[r.k] = v
    names.add(r.k)
  }
  return [...names].sort()
}
