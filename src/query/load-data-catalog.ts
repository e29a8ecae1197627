import { sql } from 'kysely'
import { metrics } from '../catalog/metrics.js'
import type { DataCatalog, DimensionValue } from '../catalog/data-catalog.js'
import { loadDimensions } from '../db/dimension-store.js'
import { readMeta } from '../db/meta.js'
import type { Db } from '../db/open-database.js'
import { valueExpr } from './segment-sql.js'


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
  return {
    metrics,
    dimensions,
    values,
    meta,
    dataStart: (first?.d as string | null) ?? meta.asOf,
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
