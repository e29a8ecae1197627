import type { Kysely } from 'kysely'
import type { DimensionDef } from '../../catalog/types.js'
import { valueExpr } from '../../query/segment-sql.js'
import { addDays, addMonths, startOfMonth } from '../../time/dates.js'
import { D1Adapter } from '../dialects/d1-dialect.js'
import { loadDimensions } from '../dimension-store.js'
import { readMeta } from '../meta.js'
import { rollupColumns } from '../migrations/007-rollups-1-tables.js'
import type { Db } from '../open-database.js'
import type { Database } from '../schema.js'
import { addFlow, addRevenue, FLOW_WIDTH, M, MONTHLY_WIDTH, monthOf, REVENUE_WIDTH, type CustomerHistory, type RollupWindow } from './customer-contribution.js'
import { insertRows } from './insert-rows.js'
import { rebuildCompareRollups } from './rebuild-compare-rollups.js'
import { rollupCounts, writeRollupState, type RollupState } from './rollup-state.js'

/**
 * Window lengths the rollups store, in months: a month, a quarter (also three trailing months)
 * and a year (also the trailing twelve months a question without a period is read over).
 */
export const ROLLUP_SPANS = [1, 3, 12]

const tables = ['rollup_monthly', 'rollup_compare', 'rollup_profile_measures', 'rollup_flow', 'rollup_revenue', 'rollup_segment_values', 'rollup_segments', 'rollup_customer_segments'] as const

/** Customers read per round trip while assigning segments. */
const PAGE = 50_000

/**
 * Rebuilds every rollup from the raw tables: call it after the data changes (the end of seed and
 * import). One pass over the customers in id order, reading each page's spells and MRR, adds every
 * customer's figures to its segment's totals for every window (src/db/rollups/customer-contribution.ts
 * defines them as the family queries do; test/query/rollup-parity.test.ts holds the two to the same
 * results). Run it inside the writer's transaction (or use rebuildRollupsAtomically) so readers never
 * see half a rebuild. Returns the number of segments and rows written, or null when there is
 * nothing to roll up.
 */
export async function rebuildRollups(db: Kysely<Database>): Promise<{ segments: number; rows: number } | null> {
  // Cloudflare D1 takes 100 parameters per statement and has no transaction to hide a half-built
  // rollup: there the questions run on the raw tables (a Worker's data set is small).
  if (db.getExecutor().adapter instanceof D1Adapter) return null
  for (const t of tables) await db.deleteFrom(t).execute()
  await writeRollupState(db, null)
  const meta = await readMeta(db as Db)
  // A snapshot file observes churn over one window, which every question is read over: nothing to
  // roll up across months (and such files carry many dimensions, which would only cost time here).
  if (meta.dataKind === 'snapshot' || meta.churnWindow) return null
  const first = await db.selectFrom('subscriptions').select((eb) => eb.fn.min('start_date').as('d')).executeTakeFirst()
  if (!first?.d) return null
  const dims = (await loadDimensions(db as Db)).filter((d) => d.source.kind === 'column' || d.source.kind === 'attribute')
  const firstMonth = startOfMonth(String(first.d))
  const endMonth = addMonths(startOfMonth(meta.asOf), 1)
  const windows = rollupWindows(firstMonth, endMonth, meta.asOf)
  const flow = new Totals(windows.length, FLOW_WIDTH)
  const revenue = new Totals(windows.length, REVENUE_WIDTH)
  // Calendar months for the monthly rollup: the span-1 windows.
  const months = windows.filter((w) => w.span === 1).map((w) => w.start)
  const monthIndex = new Map(months.map((m, i) => [m, i]))
  const monthly = new Totals(months.length, MONTHLY_WIDTH)
  const segments = new Map<string, Segment>()
  let after: string | null = null
  for (;;) {
    const page = await customerPage(db, dims, after)
    if (!page.length) break
    const lo = String(page[0].id)
    const hi = String(page[page.length - 1].id)
    const histories = await historiesBetween(db, lo, hi)
    const members: unknown[][] = []
    for (const r of page) {
      const values = dims.map((_, i) => (r[`v${i}`] === null || r[`v${i}`] === undefined ? null : String(r[`v${i}`])))
      const key = JSON.stringify(values)
      let seg = segments.get(key)
      if (!seg) {
        seg = { id: segments.size + 1, level: '*', firstStart: null, values: values.map((v, i) => [dims[i].id, v]) }
        segments.set(key, seg)
      }
      const id = String(r.id)
      members.push([id, seg.id])
      const h = histories.get(id)
      if (!h) continue
      for (const sp of h.spells) if (seg.firstStart === null || sp.start < seg.firstStart) seg.firstStart = sp.start
      for (const [m, v] of h.monthly ?? []) {
        const i = monthIndex.get(m)
        if (i === undefined) continue
        const at = monthly.at(i, seg.id)
        for (let k = 0; k < MONTHLY_WIDTH; k++) monthly.sums[at + k] += v[k]
        monthly.mark(i, seg.id)
      }
      // Windows wholly before the customer's first record or after their last one add nothing.
      let lower = '9999-12-31'
      let upper = ''
      for (const sp of h.spells) {
        if (sp.start < lower) lower = sp.start
        const last = sp.end ?? '9999-12-31'
        if (last > upper) upper = last
      }
      for (const m of h.mrr.keys()) {
        if (m < lower) lower = m
        const next = addMonths(m, 1)
        if (next > upper) upper = next
      }
      for (let w = 0; w < windows.length; w++) {
        if (windows[w].end <= lower || windows[w].start > upper) continue
        // at() first: it may grow (replace) the sums array.
        const f = flow.at(w, seg.id)
        if (addFlow(flow.sums, f, h, windows[w])) flow.mark(w, seg.id)
        const r = revenue.at(w, seg.id)
        if (addRevenue(revenue.sums, r, h, windows[w])) revenue.mark(w, seg.id)
      }
    }
    await insertRows(db, 'rollup_customer_segments', ['customer_id', 'segment_id'], members)
    after = hi
  }
  const levels = sumLevels([...segments.values()], dims, [[flow, windows.length], [revenue, windows.length], [monthly, months.length]])
  // Only the coarser levels are stored: a query fixing three or more dimensions is rare and runs on
  // the raw tables, while storing every combination would multiply the rows by thousands.
  const all = levels.segments
  await insertRows(db, 'rollup_segment_values', ['segment_id', 'dimension', 'value'], all.flatMap((s) => s.values.map(([d, v]) => [s.id, d, v])))
  await insertRows(db, 'rollup_segments', ['id', 'level', 'first_start'], all.map((s) => [s.id, s.level, s.firstStart]))
  const rowsOf = (t: Totals, keep: (w: number, seg: number) => boolean) => {
    const out: unknown[][] = []
    for (let w = 0; w < windows.length; w++) {
      for (const s of all) if (t.marked(w, s.id) && keep(w, s.id)) out.push([s.level, windows[w].span, windows[w].start, s.id, ...t.row(w, s.id)])
    }
    return out
  }
  // A segment's all-zero flow rows are left out (readers fill them in); a revenue row is kept whenever
  // one of its customers had a snapshot row, zeros included, as the raw query has a row then.
  const flowRows = rowsOf(flow, (w, seg) => flow.row(w, seg).some((x) => x !== 0))
  const revenueRows = rowsOf(revenue, () => true)
  await insertRows(db, 'rollup_flow', ['level', 'span', 'month', 'segment_id', ...rollupColumns.flow], flowRows)
  await insertRows(db, 'rollup_revenue', ['level', 'span', 'month', 'segment_id', ...rollupColumns.revenue], revenueRows)
  const monthlyRows: unknown[][] = []
  months.forEach((m, i) => { for (const s of all) if (monthly.marked(i, s.id)) monthlyRows.push([s.level, 1, m, s.id, ...monthly.row(i, s.id)]) })
  await insertRows(db, 'rollup_monthly', ['level', 'span', 'month', 'segment_id', ...rollupColumns.monthly], monthlyRows)
  const compared = await rebuildCompareRollups(db, windows, levels, meta.asOf)
  const state: RollupState = {
    churn: 'subscription',
    asOf: meta.asOf,
    firstMonth,
    endMonth,
    spans: ROLLUP_SPANS,
    dimensions: dims.map(dimensionKey),
    levels: [...new Set(all.map((x) => x.level))],
    compareWindows: compared.windows.map((w) => `${w.span}|${w.start}`),
    compareLevels: compared.levels,
    counts: await rollupCounts(db),
  }
  await writeRollupState(db, state)
  return { segments: all.length, rows: flowRows.length + revenueRows.length + monthlyRows.length }
}

/** A rollup segment: its id, level, its customers' first spell start, and its value of each dimension it fixes. */
export type Segment = { id: number; level: string; firstStart: string | null; values: Array<[string, string | null]> }

/** Pairs of dimensions get their own level up to this many dimensions (n·(n−1)/2 levels). */
const MAX_DIMS_FOR_PAIRS = 8

/** A level's name: the ids of the dimensions it fixes, sorted, comma-joined ('' = everyone). */
export function levelName(dimIds: string[]): string {
  return [...dimIds].sort().join(',')
}

/**
 * The coarser levels, summed from the full segments: everyone (level ''), each value of each
 * dimension, and each pair of values of two dimensions (level = their ids). A level's row exists
 * where one of its segments' rows does.
 */
function sumLevels(full: Segment[], dims: DimensionDef[], totals: Array<[Totals, number]>): { segments: Segment[]; parents: Map<number, Segment[]> } {
  let next = full.length + 1
  const combos: number[][] = [[], ...dims.map((_, i) => [i])]
  if (dims.length <= MAX_DIMS_FOR_PAIRS) for (let i = 0; i < dims.length; i++) for (let j = i + 1; j < dims.length; j++) combos.push([i, j])
  const byCombo = combos.map(() => new Map<string, Segment>())
  const parents = new Map<number, Segment[]>()
  for (const s of full) {
    const ps = combos.map((combo, c) => {
      const values = combo.map((i) => s.values[i])
      const key = JSON.stringify(values)
      let p = byCombo[c].get(key)
      if (!p) byCombo[c].set(key, (p = { id: next++, level: levelName(combo.map((i) => dims[i].id)), firstStart: null, values }))
      return p
    })
    for (const p of ps) if (s.firstStart !== null && (p.firstStart === null || s.firstStart < p.firstStart)) p.firstStart = s.firstStart
    parents.set(s.id, ps)
  }
  for (const [t, windows] of totals) {
    t.at(0, next) // grow once, before any offsets are taken
    for (let w = 0; w < windows; w++) {
      for (const s of full) {
        if (!t.marked(w, s.id)) continue
        const from = t.at(w, s.id)
        for (const p of parents.get(s.id)!) {
          const to = t.at(w, p.id)
          for (let k = 0; k < t.width; k++) t.sums[to + k] += t.sums[from + k]
          t.mark(w, p.id)
        }
      }
    }
  }
  return { segments: byCombo.flatMap((m) => [...m.values()]), parents }
}

/**
 * Sums per (window, segment) in one growing array per measure family, with a flag for the
 * (window, segment) pairs some customer added to: no object per pair, so millions of additions
 * make no garbage.
 */
class Totals {
  sums: Float64Array
  private flags: Uint8Array
  private capacity = 1024
  constructor(private windows: number, readonly width: number) {
    this.sums = new Float64Array(windows * this.capacity * width)
    this.flags = new Uint8Array(windows * this.capacity)
  }
  /** Where (window, segment)'s sums start in `sums`, growing the arrays for a new segment id. */
  at(w: number, seg: number): number {
    if (seg >= this.capacity) this.grow(seg)
    return (w * this.capacity + seg) * this.width
  }
  mark(w: number, seg: number): void { this.flags[w * this.capacity + seg] = 1 }
  marked(w: number, seg: number): boolean { return seg < this.capacity && this.flags[w * this.capacity + seg] === 1 }
  row(w: number, seg: number): number[] { const i = (w * this.capacity + seg) * this.width; return Array.from(this.sums.subarray(i, i + this.width)) }
  private grow(seg: number): void {
    let cap = this.capacity
    while (cap <= seg) cap *= 2
    const sums = new Float64Array(this.windows * cap * this.width)
    const flags = new Uint8Array(this.windows * cap)
    for (let w = 0; w < this.windows; w++) {
      sums.set(this.sums.subarray(w * this.capacity * this.width, (w + 1) * this.capacity * this.width), w * cap * this.width)
      flags.set(this.flags.subarray(w * this.capacity, (w + 1) * this.capacity), w * cap)
    }
    this.sums = sums
    this.flags = flags
    this.capacity = cap
  }
}

/** Every window of every stored span that starts on or after firstMonth and ends by endMonth. */
export function rollupWindows(firstMonth: string, endMonth: string, asOf: string): RollupWindow[] {
  // No MRR is billed after the month before the as-of date (the revenue family caps its end snapshot there).
  const lastBilled = startOfMonth(addDays(asOf, -1))
  const out: RollupWindow[] = []
  for (const span of ROLLUP_SPANS) {
    for (let s = firstMonth; addMonths(s, span) <= endMonth; s = addMonths(s, 1)) {
      const end = addMonths(s, span)
      const last = addMonths(end, -1)
      const endM = last > lastBilled ? lastBilled : last
      const months: string[] = []
      for (let m = s; m <= endM; m = addMonths(m, 1)) months.push(m)
      out.push({ span, start: s, end, startMonth: addMonths(s, -1), endMonth: endM, months })
    }
  }
  return out
}

// One page of customers (keyset on the id) with each rolled-up dimension's value as v0, v1, …
async function customerPage(db: Kysely<Database>, dims: DimensionDef[], after: string | null): Promise<Array<Record<string, unknown>>> {
  let q = (db as Kysely<any>).selectFrom('customers as c').select(['c.id', ...dims.map((d, i) => valueExpr(d).as(`v${i}`))])
  for (const d of dims) {
    if (d.source.kind !== 'attribute') continue
    const alias = `a_${d.id}`
    q = q.leftJoin(`customer_attributes as ${alias}`, (j: any) => j.onRef(`${alias}.customer_id`, '=', 'c.id').on(`${alias}.dimension`, '=', d.id))
  }
  if (after !== null) q = q.where('c.id', '>', after)
  return (await q.orderBy('c.id').limit(PAGE).execute()) as Array<Record<string, unknown>>
}

// The spells and monthly revenue of the customers with ids from lo to hi.
async function historiesBetween(db: Kysely<Database>, lo: string, hi: string): Promise<Map<string, CustomerHistory>> {
  const out = new Map<string, CustomerHistory>()
  const of = (id: string) => {
    let h = out.get(id)
    if (!h) out.set(id, (h = { spells: [], mrr: new Map() }))
    return h
  }
  const spells = await db.selectFrom('subscriptions').select(['customer_id', 'start_date', 'end_date', 'is_reactivation', 'churn_type'])
    .where('customer_id', '>=', lo).where('customer_id', '<=', hi).execute()
  for (const s of spells) {
    of(s.customer_id).spells.push({ start: s.start_date, end: s.end_date, reactivation: Number(s.is_reactivation) === 1, involuntary: s.churn_type === 'involuntary' })
  }
  const mrr = await db.selectFrom('mrr_history').select(['customer_id', 'month', 'mrr']).where('customer_id', '>=', lo).where('customer_id', '<=', hi).execute()
  for (const m of mrr) of(m.customer_id).mrr.set(m.month, Number(m.mrr))
  const activity = await db.selectFrom('activity').select(['customer_id', 'month', 'logins', 'active_seats', 'key_feature_uses']).where('customer_id', '>=', lo).where('customer_id', '<=', hi).execute()
  for (const a of activity) {
    const v = monthOf(of(a.customer_id), a.month)
    v[M.customer_months]++
    v[M.logins] += Number(a.logins)
    v[M.active_seats] += Number(a.active_seats)
    v[M.key_feature_uses] += Number(a.key_feature_uses)
  }
  const tickets = await db.selectFrom('tickets').select(['customer_id', 'opened_date', 'hours_to_resolve']).where('customer_id', '>=', lo).where('customer_id', '<=', hi).execute()
  for (const t of tickets) {
    const v = monthOf(of(t.customer_id), startOfMonth(t.opened_date))
    v[M.tickets]++
    if (t.hours_to_resolve !== null) {
      v[M.tickets_resolved]++
      v[M.resolution_hours] += Number(t.hours_to_resolve)
    }
  }
  const nps = await db.selectFrom('feedback').select(['customer_id', 'date', 'rating']).where('source', '=', 'nps').where('rating', 'is not', null)
    .where('customer_id', '>=', lo).where('customer_id', '<=', hi).execute()
  for (const f of nps) {
    const v = monthOf(of(f.customer_id), startOfMonth(f.date))
    v[M.nps_responses]++
    if (Number(f.rating) >= 9) v[M.promoters]++
    if (Number(f.rating) <= 6) v[M.detractors]++
  }
  return out
}

/** How the rollup state names a dimension: its id and where its values live. */
export function dimensionKey(d: DimensionDef): string {
  return d.source.kind === 'column' ? `${d.id}:column:${d.source.column}` : `${d.id}:${d.source.kind}`
}

/** For callers without a transaction of their own: the rebuild as one transaction. */
export async function rebuildRollupsAtomically(db: Kysely<Database>): Promise<{ segments: number; rows: number } | null> {
  return db.transaction().execute((trx) => rebuildRollups(trx))
}
