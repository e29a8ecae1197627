import type { Kysely } from 'kysely'
import type { MeasureDef } from '../../catalog/measure.js'
import { loadDataCatalog } from '../../query/load-data-catalog.js'
import type { Db } from '../open-database.js'
import type { Database } from '../schema.js'
import { rollupColumns } from '../migrations/007-rollups-1-tables.js'
import { addCompare, blockWidth, STATUSES, type CompareHistory } from './compare-contribution.js'
import type { RollupWindow } from './customer-contribution.js'
import { addMonths } from '../../time/dates.js'
import { insertRows } from './insert-rows.js'
import { PROFILE_MAX_VALUES } from '../../query/profile-sql.js'
import type { Segment } from './rebuild-rollups.js'

/** Customers whose figures are held at once: segments are read in batches of about this many. */
const BATCH_CUSTOMERS = 10_000

/**
 * Fills rollup_compare and rollup_profile_measures: compare_segments' per-customer figures summed
 * per (level, window, status, segment) for the coarser levels (everyone, one dimension, two). The
 * customers are read a few segments at a time (rollup_customer_segments must be filled), so the sums
 * of one batch's full segments fit in memory before they are added to their levels.
 */
export async function rebuildCompareRollups(
  db: Kysely<Database>, allWindows: RollupWindow[], levels: { segments: Segment[]; parents: Map<number, Segment[]> }, asOf: string,
): Promise<{ windows: RollupWindow[]; levels: string[] }> {
  const windows = compareWindows(allWindows)
  const measures = (await loadDataCatalog(db as Db)).measures
  const width = blockWidth(measures.length)
  const nStatus = STATUSES.length
  const block = windows.length * nStatus * width
  // Comparisons filter, and profiles break down, by dimensions with few values (a profile leaves out
  // those with more than PROFILE_MAX_VALUES): levels of a many-valued dimension (city, zip code)
  // are not kept here, which bounds the sums for wide imported files.
  const dims = await loadDimensionValueCounts(db)
  const few = (level: string) => level === '' || level.split(',').every((d) => (dims.get(d) ?? Infinity) <= PROFILE_MAX_VALUES)
  const kept = levels.segments.filter((s) => few(s.level))
  const levelIndex = new Map(kept.map((s, i) => [s.id, i]))
  const levelSums = new Float64Array(kept.length * block)
  // Full segments summed at once: bounded by customers and by memory (about 32 MB of sums).
  const maxSegments = Math.max(1, Math.floor(4_000_000 / block))
  const sizes = await db.selectFrom('rollup_customer_segments').select(['segment_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('segment_id').orderBy('segment_id').execute()
  for (let i = 0; i < sizes.length;) {
    const lo = Number(sizes[i].segment_id)
    let customers = 0
    while (i < sizes.length && (customers === 0 || (customers + Number(sizes[i].n) <= BATCH_CUSTOMERS && Number(sizes[i].segment_id) - lo < maxSegments))) customers += Number(sizes[i++].n)
    const hi = Number(sizes[i - 1].segment_id)
    const sums = new Float64Array((hi - lo + 1) * block)
    for (const h of await batchHistories(db, lo, hi, measures, asOf)) {
      const first = h.spells.reduce((m, s) => (s.start < m ? s.start : m), '9999-12-31')
      const last = h.spells.reduce((m, s) => ((s.end ?? '9999-12-31') > m ? (s.end ?? '9999-12-31') : m), '')
      for (let w = 0; w < windows.length; w++) {
        // A window outside every spell has no population row for the customer.
        if (windows[w].end <= first || windows[w].start > last) continue
        addCompare(sums, ((h.segment - lo) * windows.length + w) * nStatus * width, width, h, windows[w])
      }
    }
    for (let seg = lo; seg <= hi; seg++) {
      const parents = (levels.parents.get(seg) ?? []).flatMap((p) => (levelIndex.has(p.id) ? [levelIndex.get(p.id)! * block] : []))
      for (let b = 0; b < windows.length * nStatus; b++) {
        const from = (seg - lo) * block + b * width
        // Only (window, status) blocks with members: most segments are in few windows.
        if (sums[from] === 0) continue
        for (const p of parents) {
          const to = p + b * width
          for (let k = 0; k < width; k++) levelSums[to + k] += sums[from + k]
        }
      }
    }
  }
  const compareRows: unknown[][] = []
  const measureRows: unknown[][] = []
  const nCompare = rollupColumns.compare.length
  kept.forEach((s, li) => {
    for (let w = 0; w < windows.length; w++) {
      for (let st = 0; st < nStatus; st++) {
        const at = li * block + (w * nStatus + st) * width
        // A status with no members has no row, as the raw query has none for it.
        if (levelSums[at] === 0) continue
        const key = [s.level, windows[w].span, windows[w].start, STATUSES[st], s.id]
        compareRows.push([...key, ...levelSums.subarray(at, at + nCompare)])
        measures.forEach((m, i) => {
          const j = at + nCompare + 3 * i
          measureRows.push([s.level, windows[w].span, windows[w].start, STATUSES[st], m.id, s.id, levelSums[j], levelSums[j + 1], levelSums[j + 2]])
        })
      }
    }
  })
  await insertRows(db, 'rollup_compare', ['level', 'span', 'month', 'status', 'segment_id', ...rollupColumns.compare], compareRows)
  await insertRows(db, 'rollup_profile_measures', ['level', 'span', 'month', 'status', 'measure', 'segment_id', 'n', 'sum', 'ss'], measureRows)
  return { windows, levels: [...new Set(kept.map((x) => x.level))] }
}

/**
 * The windows comparisons are kept for: every month; quarters and years on the calendar; and the
 * trailing quarters and years ending in the last three months (a question's "last 3 / 12 months").
 * Sliding windows ending further back are asked for rarely and run on the raw tables.
 */
export function compareWindows(windows: RollupWindow[]): RollupWindow[] {
  const last = windows.reduce((m, w) => (w.end > m ? w.end : m), '')
  const recent = new Set([last, addMonths(last, -1), addMonths(last, -2)])
  const month = (w: RollupWindow) => Number(w.start.slice(5, 7))
  return windows.filter((w) => w.span === 1 || recent.has(w.end) || (w.span === 3 && month(w) % 3 === 1) || (w.span === 12 && month(w) === 1))
}

type BatchHistory = CompareHistory & { segment: number }

// Everything compare_segments reads about the customers of segments lo..hi.
async function batchHistories(db: Kysely<Database>, lo: number, hi: number, measures: MeasureDef[], asOf: string): Promise<BatchHistory[]> {
  const inBatch = (table: string, cols: string[]) =>
    (db as Kysely<any>).selectFrom('rollup_customer_segments as rcs').innerJoin(`${table} as t`, 't.customer_id', 'rcs.customer_id')
      .where('rcs.segment_id', '>=', lo).where('rcs.segment_id', '<=', hi).select(['rcs.customer_id', ...cols.map((c) => `t.${c}`)])
  const customers = (await (db as Kysely<any>).selectFrom('rollup_customer_segments as rcs').innerJoin('customers as c', 'c.id', 'rcs.customer_id')
    .where('rcs.segment_id', '>=', lo).where('rcs.segment_id', '<=', hi).select(['c.id', 'c.signup_date', 'rcs.segment_id']).execute()) as Array<{ id: string; signup_date: string; segment_id: number }>
  const out = new Map<string, BatchHistory>()
  for (const c of customers) {
    out.set(c.id, { segment: Number(c.segment_id), signup: c.signup_date, spells: [], mrr: new Map(), tickets: [], logins: new Map(), nps: [], measures: [] })
  }
  const each = (rows: any[], fn: (h: BatchHistory, r: any) => void) => {
    for (const r of rows) {
      const h = out.get(r.customer_id)
      if (h) fn(h, r)
    }
  }
  each(await inBatch('subscriptions', ['start_date', 'end_date', 'is_reactivation', 'churn_type']).execute(), (h, s) => {
    h.spells.push({ start: s.start_date, end: s.end_date, reactivation: Number(s.is_reactivation) === 1, involuntary: s.churn_type === 'involuntary' })
  })
  each(await inBatch('mrr_history', ['month', 'mrr']).orderBy('t.month').execute(), (h, m) => { h.mrr.set(m.month, Number(m.mrr)) })
  each(await inBatch('tickets', ['opened_date', 'hours_to_resolve']).execute(), (h, t) => {
    h.tickets.push({ opened: t.opened_date, hours: t.hours_to_resolve === null ? null : Number(t.hours_to_resolve) })
  })
  each(await inBatch('activity', ['month', 'logins']).execute(), (h, a) => { h.logins.set(a.month, Number(a.logins)) })
  each(await inBatch('feedback', ['date', 'rating']).where('t.source', '=', 'nps').where('t.rating', 'is not', null).execute(), (h, f) => {
    h.nps.push({ date: f.date, rating: Number(f.rating) })
  })
  const stored = new Map<string, Map<string, number>>()
  if (measures.some((m) => m.source.kind === 'stored')) {
    for (const r of await inBatch('customer_measures', ['measure', 'value']).execute()) {
      if (!stored.has(r.customer_id)) stored.set(r.customer_id, new Map())
      stored.get(r.customer_id)!.set(r.measure, Number(r.value))
    }
  }
  for (const [id, h] of out) h.measures = measures.map((m) => measureValue(m, id, h, stored, asOf))
  return [...out.values()]
}

/** A customer's value of a numeric attribute, as src/query/measure-sql.ts computes it. */
function measureValue(m: MeasureDef, id: string, h: CompareHistory, stored: Map<string, Map<string, number>>, asOf: string): number | null {
  switch (m.source.kind) {
    case 'stored':
      return stored.get(id)?.get(m.id) ?? null
    case 'mrr': {
      let latest: string | null = null
      for (const month of h.mrr.keys()) if (latest === null || month > latest) latest = month
      return latest === null ? null : h.mrr.get(latest)!
    }
    case 'tenure': {
      // Active customers are counted to the as-of date; those who left, to their last churn.
      const allEnded = h.spells.length > 0 && h.spells.every((s) => s.end !== null)
      const end = allEnded ? h.spells.reduce((m, s) => (s.end! > m ? s.end! : m), '') : asOf
      const months = (Date.parse(end) - Date.parse(h.signup)) / 86_400_000 / 30.4375
      // SQL's round(): halves away from zero.
      return Math.sign(months) * Math.round(Math.abs(months))
    }
  }
}

/** How many values each dimension takes (rollup_segment_values holds a row per value of its level). */
async function loadDimensionValueCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('rollup_segment_values as v').innerJoin('rollup_segments as s', 's.id', 'v.segment_id')
    .whereRef('s.level', '=', 'v.dimension').select(['v.dimension', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('v.dimension').execute()
  return new Map(rows.map((r) => [r.dimension, Number(r.n)]))
}
