import { sql } from 'kysely'
import { metrics } from '../catalog/metrics.js'
import type { DataCatalog, DimensionValue, MissingData } from '../catalog/data-catalog.js'
import { loadDimensions } from '../db/dimension-store.js'
import { readMeta } from '../db/meta.js'
import type { Db } from '../db/open-database.js'
import { valueExpr } from './segment-sql.js'
import type { Coverage } from '../catalog/coverage.js'
import type { DatasetMeta } from '../catalog/dataset-meta.js'
import { builtInMeasures, type MeasureDef, type MeasureUnit } from '../catalog/measure.js'
import { measureUnits } from '../catalog/measure-def.js'
import { loadMeasures as loadStoredMeasures } from '../db/measure-store.js'
import { addDays, startOfMonth } from '../time/dates.js'
import { tableExists } from '../db/dialects/table-exists.js'
import { loadDetailSources } from '../db/detail-store.js'


/** Reads dimensions, their values, dates and row counts from the database (call again after an import). */
export async function loadDataCatalog(db: Db): Promise<DataCatalog> {
  const [dimensions, meta] = await Promise.all([loadDimensions(db), readMeta(db)])
  const values: Record<string, DimensionValue[]> = {}
  for (const d of dimensions) {
    let q = (db as any).selectFrom('customers as c')
    if (d.source.kind === 'attribute') {
      q = q.innerJoin(`customer_attributes as a_${d.id}`, (j: any) => j.onRef(`a_${d.id}.customer_id`, '=', 'c.id').on(`a_${d.id}.dimension`, '=', d.id))
    }
    const rows = await q
      .select([valueExpr(d).as('value'), sql<number>`count(*)`.as('customers')])
      .where(valueExpr(d), 'is not', null)
      .groupBy(valueExpr(d))
      .orderBy(sql`count(*)`, 'desc')
      .execute()
    values[d.id] = rows.map((r: any) => ({ value: String(r.value), customers: Number(r.customers) }))
  }
  const count = async (table: string, where?: string) => {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} ${where ? sql.raw(`where ${where}`) : sql``}`.execute(db)
    return Number(r.rows[0]?.n ?? 0)
  }
  const first = await db.selectFrom('customers').select((eb) => eb.fn.min('signup_date').as('d')).executeTakeFirst()
  const dataStart = (first?.d as string | null) ?? meta.asOf
  return {
    metrics,
    dimensions,
    values,
    meta,
    measures: await loadMeasures(db),
    dataStart,
    coverage: await coverageOf(db, meta, dataStart),
    metricsWithoutData: await metricsWithoutData(count),
    details: await loadDetailSources(db),
    counts: {
      customers: await count('customers'),
      subscriptions: await count('subscriptions'),
      churn_events: await count('subscriptions', 'end_date is not null'),
      mrr_history: await count('mrr_history'),
      feedback: await count('feedback'),
      tickets: await count('tickets'),
      activity: await count('activity'),
    },
  }
}

// The families of metrics that read records an imported file may not have, and what to call the missing records.
const familyNeeds: Array<{ family: string; missing: MissingData; table: string; where?: string }> = [
  { family: 'nps', missing: 'nps_answers', table: 'feedback', where: "source = 'nps' and rating is not null" },
  { family: 'tickets', missing: 'tickets', table: 'tickets' },
  { family: 'engagement', missing: 'usage', table: 'activity' },
  { family: 'acquisition', missing: 'acquisition_costs', table: 'customers', where: 'acquisition_cost is not null' },
  { family: 'events', missing: 'churn_events', table: 'churn_events' },
  { family: 'refunds', missing: 'refunds', table: 'churn_events', where: 'refund is not null' },
  { family: 'flag', missing: 'churn_flag', table: 'customer_attributes', where: "dimension like 'churn_flag%'" },
  // A file with no charge or revenue column (BankChurners) has no MRR: revenue figures would all be $0.
  { family: 'revenue', missing: 'revenue', table: 'mrr_history' },
]

/** Metrics that would only ever answer "no data" here: the analyst says so instead of giving an empty figure. */
async function metricsWithoutData(count: (table: string, where?: string) => Promise<number>): Promise<NonNullable<DataCatalog['metricsWithoutData']>> {
  const absent = new Map<string, MissingData>()
  for (const need of familyNeeds) if ((await count(need.table, need.where)) === 0) absent.set(need.family, need.missing)
  return metrics.flatMap((m) => {
    const missing = m.families.map((f) => absent.get(f)).find((x) => x)
    return missing ? [{ metric: m.id, missing }] : []
  })
}

/**
 * Where the data observes churn. A snapshot file says so in its meta (imports write it); older
 * imports are recognised by their shape: one spell per customer, every churn on the same day.
 * The window's end includes the as-of day, so customers who joined on it are in the file's count.
 */
async function coverageOf(db: Db, meta: DatasetMeta, dataStart: string): Promise<Coverage> {
  if (meta.dataKind === 'dated') return { kind: 'dated', from: dataStart, to: meta.asOf }
  if (meta.churnWindow) return { kind: 'snapshot', from: meta.churnWindow.from, to: addDays(meta.asOf, 1) }
  if (meta.dataKind !== 'snapshot' && !meta.source.startsWith('import:')) return { kind: 'dated', from: dataStart, to: meta.asOf }
  const shape = await sql<{ spells: number; customers: number; days: number; last: string | null; reactivations: number }>`
    select count(*) as spells, count(distinct customer_id) as customers, count(distinct end_date) as days,
           max(end_date) as last, sum(is_reactivation) as reactivations from subscriptions`.execute(db)
  const r = shape.rows[0]
  const snapshot = meta.dataKind === 'snapshot' || (r && Number(r.spells) === Number(r.customers) && Number(r.days) <= 1 && Number(r.reactivations ?? 0) === 0)
  if (!snapshot) return { kind: 'dated', from: dataStart, to: meta.asOf }
  return { kind: 'snapshot', from: startOfMonth(r?.last ?? addDays(meta.asOf, -1)), to: addDays(meta.asOf, 1) }
}

const units = new Set<MeasureUnit>(measureUnits)

/**
 * The numeric attributes: built-in tenure and monthly revenue, then those an import declared
 * (the `measures` table, when the database has one). An imported tenure replaces the built-in one.
 */
async function loadMeasures(db: Db): Promise<MeasureDef[]> {
  if (!(await tableExists(db, 'measures'))) return [...builtInMeasures]
  const declared = await loadStoredMeasures(db)
  const integers = await sql<{ measure: string; fractional: number }>`
    select measure, sum(case when value <> cast(value as integer) then 1 else 0 end) as fractional from customer_measures group by measure`.execute(db)
  const whole = new Set(integers.rows.filter((r) => Number(r.fractional) === 0).map((r) => r.measure))
  const stored: MeasureDef[] = declared.map((m) => ({
    id: m.id, source: { kind: 'stored' }, name: { en: m.name.en, zh: m.name.zh || m.name.en },
    synonyms: { en: m.synonyms.en ?? [], zh: m.synonyms.zh ?? [] }, unit: units.has(m.unit) ? m.unit : 'number', integer: whole.has(m.id),
  }))
  const storedTenure = stored.some((m) => /tenure|months?_on_book|开通月数|在网/.test(m.id) && m.unit === 'months')
  return [...builtInMeasures.filter((b) => !(b.id === 'tenure_months' && storedTenure)), ...stored]
}
