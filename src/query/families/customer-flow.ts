import { sql } from 'kysely'
import { withPeriods } from '../buckets-cte.js'
import { applySegments } from '../segment-sql.js'
import { withSpells } from '../spells.js'
import { runFamily, type FamilyInput, type FamilyRow } from './family.js'

// Each spell yields two events: its start (new or reactivated) and, if it ended, its churn.
// Spells of one customer never overlap, so active(t) = starts before t − churns before t,
// which lets us count events per bucket (each event joins one bucket) instead of joining
// every spell to every bucket it overlaps — linear in spells, not spells × buckets.
function withEvents(input: FamilyInput, withBuckets: boolean) {
  const base = withBuckets ? (withPeriods(input.db, input.buckets) as any) : input.db
  return (withSpells(base, input.churn, input.asOf) as any).with('events', (q: any) =>
    q
      .selectFrom('spells')
      .select(['customer_id', 'start_date as d', 'start_date as s', sql<string>`case when is_reactivation = 1 then 'reactivated' else 'new' end`.as('kind')])
      .unionAll(
        q
          .selectFrom('spells')
          .select(['customer_id', 'end_date as d', 'start_date as s', sql<string>`case when churn_type = 'involuntary' then 'churned_involuntary' else 'churned_voluntary' end`.as('kind')])
          .where('end_date', 'is not', null),
      ),
  )
}

// Events carry the active count forward; customers are what the flow reports (one who churns
// twice in a bucket is one churned customer, as in compare_segments).
const eventsOf = (kind: string) => sql<number>`sum(case when e.kind = ${kind} then 1 else 0 end)`.as(`${kind}_events`)
const customersOf = (kinds: string[], alias: string) =>
  sql<number>`count(distinct case when e.kind in (${sql.join(kinds)}) then e.customer_id end)`.as(alias)
const kinds = ['new', 'reactivated', 'churned_voluntary', 'churned_involuntary']

/** Customer flow per bucket and segment: active at start/end, new, reactivated, churned (voluntary/involuntary). */
export async function customerFlow(input: FamilyInput): Promise<{ rows: FamilyRow[]; sql: string }> {
  const perBucket = applySegments(
    withEvents(input, true)
      .selectFrom('periods as p')
      .innerJoin('events as e', (j: any) => j.on(sql`e.d >= p.p_start and e.d < p.p_end`))
      .select([
        'p.bucket',
        ...kinds.map(eventsOf),
        ...kinds.map((k) => customersOf([k], k)),
        customersOf(['churned_voluntary', 'churned_involuntary'], 'churned'),
        // The starting cohort's churn: churned in the bucket from a spell that began before it, so the
        // numerator is a subset of "active at start" (a customer who joins and leaves inside it is not).
        sql<number>`count(distinct case when e.kind in ('churned_voluntary', 'churned_involuntary') and e.s < p.p_start then e.customer_id end)`.as('churned_from_start'),
      ])
      .groupBy('p.bucket'),
    input.plan,
    'e.customer_id',
  )
  const baseline = applySegments(
    withEvents(input, false)
      .selectFrom('events as e')
      .select([sql<number>`sum(case when e.kind in ('new', 'reactivated') then 1 else -1 end)`.as('active')])
      .where('e.d', '<', input.buckets[0].start),
    input.plan,
    'e.customer_id',
  )
  const [events, base] = await Promise.all([runFamily(perBucket), runFamily(baseline)])
  return { rows: accumulate(input, events.rows, base.rows), sql: `${base.sql};\n\n${events.sql}` }
}

/** Walks each segment through the buckets in order, carrying the active count forward. */
function accumulate(input: FamilyInput, events: FamilyRow[], base: FamilyRow[]): FamilyRow[] {
  const key = (r: FamilyRow) => JSON.stringify([r.g0 ?? null, r.g1 ?? null])
  const segments = new Map<string, { g0?: string; g1?: string; active: number }>()
  for (const r of base) segments.set(key(r), { g0: r.g0, g1: r.g1, active: Number(r.active ?? 0) })
  const byBucket = new Map<string, FamilyRow>()
  for (const r of events) {
    byBucket.set(`${r.bucket}\u0000${key(r)}`, r)
    if (!segments.has(key(r))) segments.set(key(r), { g0: r.g0, g1: r.g1, active: 0 })
  }
  const out: FamilyRow[] = []
  for (const seg of segments.values()) {
    let active = seg.active
    for (const b of input.buckets) {
      const r = byBucket.get(`${b.key}\u0000${JSON.stringify([seg.g0 ?? null, seg.g1 ?? null])}`)
      const n = (k: string) => Number(r?.[k] ?? 0)
      const row: FamilyRow = {
        bucket: b.key,
        active_start: active,
        new: n('new'),
        reactivated: n('reactivated'),
        churned: n('churned'),
        churned_from_start: n('churned_from_start'),
        churned_voluntary: n('churned_voluntary'),
        churned_involuntary: n('churned_involuntary'),
        active_end: active + n('new_events') + n('reactivated_events') - n('churned_voluntary_events') - n('churned_involuntary_events'),
      }
      if (seg.g0 !== undefined) row.g0 = seg.g0
      if (seg.g1 !== undefined) row.g1 = seg.g1
      out.push(row)
      active = row.active_end as number
    }
  }
  return out
}
