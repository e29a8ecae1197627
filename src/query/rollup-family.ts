import { sql, type Kysely } from 'kysely'
import type { Family } from '../catalog/metric-types.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { DimensionDef } from '../catalog/types.js'
import { rollupColumns } from '../db/migrations/007-rollups-1-tables.js'
import { dimensionKey, levelName } from '../db/rollups/rebuild-rollups.js'
import { readRollupState, rollupCounts, sameCounts, type RollupState } from '../db/rollups/rollup-state.js'
import type { Db } from '../db/open-database.js'
import { monthsBetween } from '../time/dates.js'
import type { Bucket } from '../time/period.js'
import { inlineParameters, type FamilyInput, type FamilyRow } from './families/family.js'
import { NOT_SET } from './segment-sql.js'

/** Families the rollups hold. */
const rolledUp: Partial<Record<Family, 'rollup_flow' | 'rollup_revenue'>> = { flow: 'rollup_flow', revenue: 'rollup_revenue' }

const checked = new WeakMap<object, WeakMap<DataCatalog, Promise<RollupState | null>>>()

/**
 * The rollup state when the rollups describe this database's data as the catalog sees it (same
 * as-of date, same row counts), else null. Checked once per database and catalog: a catalog is
 * reloaded after every import, and an import rebuilds the rollups.
 */
export function usableRollups(db: Db, catalog: DataCatalog): Promise<RollupState | null> {
  let perDb = checked.get(db)
  if (!perDb) checked.set(db, (perDb = new WeakMap()))
  let p = perDb.get(catalog)
  if (!p) {
    p = (async () => {
      const state = await readRollupState(db)
      if (!state || state.asOf !== catalog.meta.asOf) return null
      return sameCounts(state.counts, await rollupCounts(db)) ? state : null
    })()
    perDb.set(catalog, p)
  }
  return p
}

/**
 * A family's rows read from the rollups, or null when the query does not fit them (then the raw
 * family query runs): subscription churn, every bucket a stored whole-month window, and grouping
 * and filtering by at most two rolled-up dimensions. The rows are the raw query's, summed over segments.
 */
export async function rollupFamily(state: RollupState | null, family: Family, input: FamilyInput): Promise<{ rows: FamilyRow[]; sql: string } | null> {
  if (state && monthlyFamilies[family]) return monthlyFamily(state, family, input)
  const table = rolledUp[family]
  if (!state || !table || input.churn.kind !== 'subscription') return null
  if (!input.buckets.length || !input.buckets.every((b) => fits(state, b))) return null
  const dims = uniqueDims(input)
  const known = new Set(state.dimensions)
  if (!dims.every((d) => (d.source.kind === 'column' || d.source.kind === 'attribute') && known.has(dimensionKey(d)))) return null

  // The level that holds the query: everyone, or the values of its one or two dimensions.
  const level = levelName(dims.map((d) => d.id))
  if (!state.levels.includes(level)) return null
  const db = input.db as Kysely<any>
  const alias = new Map(dims.map((d, i) => [d.id, `v${i}`]))
  const joinValues = (q: any, segment: string) => {
    for (const d of dims) {
      const a = alias.get(d.id)!
      q = q.innerJoin(`rollup_segment_values as ${a}`, (j: any) => j.onRef(`${a}.segment_id`, '=', segment).on(`${a}.dimension`, '=', d.id))
    }
    for (const { dim, values } of input.plan.where) q = q.where(`${alias.get(dim.id)}.value`, 'in', values)
    return q
  }
  const groupCols = input.plan.by.map((d, i) => sql`coalesce(${sql.ref(`${alias.get(d.id)}.value`)}, ${sql.lit(NOT_SET)})`.as(`g${i}`))
  const groupBy = input.plan.by.map((d) => sql`coalesce(${sql.ref(`${alias.get(d.id)}.value`)}, ${sql.lit(NOT_SET)})`)

  // Buckets by span: (span = 3 and month in (…)) or (span = 1 and month in (…)).
  const bySpan = new Map<number, Bucket[]>()
  for (const b of input.buckets) {
    const span = monthsBetween(b.start, b.end)
    bySpan.set(span, [...(bySpan.get(span) ?? []), b])
  }
  const windows = sql.join([...bySpan].map(([span, bs]) => sql`(r.span = ${span} and r.month in (${sql.join(bs.map((b) => b.start))}))`), sql` or `)
  const columns = rollupColumns[family as 'flow' | 'revenue']
  const q = joinValues(db.selectFrom(`${table} as r`), 'r.segment_id')
    .select(['r.span', 'r.month', ...groupCols, ...columns.map((c) => sql<number>`sum(${sql.ref(`r.${c}`)})`.as(c))])
    .where('r.level', '=', level)
    .where(sql`(${windows})`)
    .groupBy(['r.span', 'r.month', ...groupBy])
  const compiled = q.compile()
  const found = (await q.execute()) as Array<Record<string, unknown>>
  const keyOf = new Map(input.buckets.map((b) => [`${monthsBetween(b.start, b.end)}|${b.start}`, b.key]))
  const rows: FamilyRow[] = found.map((r) => {
    const row: FamilyRow = { bucket: keyOf.get(`${Number(r.span)}|${r.month}`)! }
    input.plan.by.forEach((_, i) => { row[`g${i}`] = String(r[`g${i}`]) })
    for (const c of columns) row[c] = Number(r[c] ?? 0)
    return row
  })
  const texts = [inlineParameters(compiled.sql, compiled.parameters)]
  const groupsSql = family === 'flow' ? await fillFlowRows(db, input, rows, (q: any, seg: string) => joinValues(q, seg).where('s.level', '=', level), groupCols, groupBy) : null
  if (groupsSql) texts.unshift(groupsSql)
  return { rows, sql: texts.join(';\n\n') }
}

/**
 * The raw flow query reports every segment that had any event before the last bucket's end, in
 * every bucket, zeros included; the rollups leave all-zero rows out, so they are added back here
 * for the groups whose customers' first spell began before that date.
 */
async function fillFlowRows(db: Kysely<any>, input: FamilyInput, rows: FamilyRow[], joinValues: (q: any, segment: string) => any, groupCols: any[], groupBy: any[]): Promise<string | null> {
  const nBy = input.plan.by.length
  // Without a breakdown the raw query always has one row per bucket.
  if (!nBy) {
    const have = new Set(rows.map((r) => r.bucket))
    for (const b of input.buckets) if (!have.has(b.key)) rows.push({ bucket: b.key, ...Object.fromEntries(rollupColumns.flow.map((c) => [c, 0])) })
    return null
  }
  const end = input.buckets[input.buckets.length - 1].end
  let q = joinValues(db.selectFrom('rollup_segments as s'), 's.id').where('s.first_start', '<', end)
  q = q.select(groupCols).groupBy(groupBy)
  const compiled = q.compile()
  const groups = (await q.execute()) as Array<Record<string, unknown>>
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(Array.from({ length: nBy }, (_, i) => String(r[`g${i}`])))
  const have = new Set(rows.map((r) => `${r.bucket}\u0000${keyOf(r)}`))
  for (const g of groups) {
    for (const b of input.buckets) {
      if (have.has(`${b.key}\u0000${keyOf(g)}`)) continue
      const row: FamilyRow = { bucket: b.key }
      for (let i = 0; i < nBy; i++) row[`g${i}`] = String(g[`g${i}`])
      for (const c of rollupColumns.flow) row[c] = 0
      rows.push(row)
    }
  }
  return inlineParameters(compiled.sql, compiled.parameters)
}

// A bucket the rollups hold: whole months, a stored span, inside the built range.
function fits(state: RollupState, b: Bucket): boolean {
  if (!b.start.endsWith('-01') || !b.end.endsWith('-01')) return false
  return state.spans.includes(monthsBetween(b.start, b.end)) && b.start >= state.firstMonth && b.end <= state.endMonth
}

function uniqueDims(input: FamilyInput): DimensionDef[] {
  const seen = new Map<string, DimensionDef>()
  for (const d of [...input.plan.by, ...input.plan.where.map((w) => w.dim)]) seen.set(d.id, d)
  return [...seen.values()]
}

/**
 * The families that count rows by calendar month (engagement, tickets, NPS): each bucket's figures
 * are the sums of its months', and a row exists when the bucket has one of the family's rows.
 */
const monthlyFamilies: Partial<Record<Family, { exists: string; row: (t: Record<string, number>) => Record<string, number | null> }>> = {
  engagement: {
    exists: 'customer_months',
    row: (t) => ({ customer_months: t.customer_months, avg_logins: t.logins / t.customer_months, avg_active_seats: t.active_seats / t.customer_months, avg_key_feature_uses: t.key_feature_uses / t.customer_months }),
  },
  tickets: {
    exists: 'tickets',
    row: (t) => ({ tickets: t.tickets, tickets_resolved: t.tickets_resolved, avg_resolution_hours: t.tickets_resolved ? t.resolution_hours / t.tickets_resolved : null }),
  },
  nps: { exists: 'nps_responses', row: (t) => ({ responses: t.nps_responses, promoters: t.promoters, detractors: t.detractors }) },
}

// Engagement, tickets or NPS from rollup_monthly: buckets of whole months inside the rolled-up range
// (any length: the months add up), at most two rolled-up dimensions. Not tied to a churn definition.
async function monthlyFamily(state: RollupState, family: Family, input: FamilyInput): Promise<{ rows: FamilyRow[]; sql: string } | null> {
  const spec = monthlyFamilies[family]!
  const whole = (d: string) => d.endsWith('-01')
  if (!input.buckets.length || !input.buckets.every((b) => whole(b.start) && whole(b.end) && b.start >= state.firstMonth && b.end <= state.endMonth)) return null
  const dims = uniqueDims(input)
  const known = new Set(state.dimensions)
  if (!dims.every((d) => (d.source.kind === 'column' || d.source.kind === 'attribute') && known.has(dimensionKey(d)))) return null
  const level = levelName(dims.map((d) => d.id))
  if (!state.levels.includes(level)) return null
  const alias = new Map(dims.map((d, i) => [d.id, `v${i}`]))
  let q: any = (input.db as Kysely<any>).selectFrom('rollup_monthly as r')
  for (const d of dims) {
    const a = alias.get(d.id)!
    q = q.innerJoin(`rollup_segment_values as ${a}`, (j: any) => j.onRef(`${a}.segment_id`, '=', 'r.segment_id').on(`${a}.dimension`, '=', d.id))
  }
  for (const { dim, values } of input.plan.where) q = q.where(`${alias.get(dim.id)}.value`, 'in', values)
  const group = input.plan.by.map((d) => sql`coalesce(${sql.ref(`${alias.get(d.id)}.value`)}, ${sql.lit(NOT_SET)})`)
  q = q
    .select(['r.month', ...group.map((g, i) => g.as(`g${i}`)), ...rollupColumns.monthly.map((c) => sql<number>`sum(${sql.ref(`r.${c}`)})`.as(c))])
    .where('r.level', '=', level)
    .where('r.month', '>=', input.buckets[0].start)
    .where('r.month', '<', input.buckets[input.buckets.length - 1].end)
    .groupBy(['r.month', ...group])
  const compiled = q.compile()
  const found = (await q.execute()) as Array<Record<string, unknown>>
  const totals = new Map<string, { bucket: string; groups: string[]; t: Record<string, number> }>()
  for (const r of found) {
    const month = String(r.month)
    const b = input.buckets.find((x) => month >= x.start && month < x.end)
    if (!b) continue
    const groups = input.plan.by.map((_, i) => String(r[`g${i}`]))
    const key = JSON.stringify([b.key, ...groups])
    let e = totals.get(key)
    if (!e) totals.set(key, (e = { bucket: b.key, groups, t: Object.fromEntries(rollupColumns.monthly.map((c) => [c, 0])) }))
    for (const c of rollupColumns.monthly) e.t[c] += Number(r[c] ?? 0)
  }
  const rows: FamilyRow[] = [...totals.values()]
    .filter((e) => e.t[spec.exists] > 0)
    .map((e) => ({ bucket: e.bucket, ...Object.fromEntries(e.groups.map((g, i) => [`g${i}`, g])), ...spec.row(e.t) }))
  return { rows, sql: inlineParameters(compiled.sql, compiled.parameters) }
}
