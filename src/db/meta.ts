import type { DatasetMeta } from '../catalog/dataset-meta.js'
import type { Db } from './open-database.js'

export type { DatasetMeta }

/** Reads the dataset meta, with defaults for an empty database. */
export async function readMeta(db: Db): Promise<DatasetMeta> {
  const rows = await db.selectFrom('meta').selectAll().execute()
  const m = Object.fromEntries(rows.map((r) => [r.key, r.value]))
  return {
    asOf: m.as_of ?? new Date().toISOString().slice(0, 10),
    currency: m.currency ?? 'USD',
    source: m.source ?? 'empty',
    companyName: m.company_name ?? '',
    ...(m.data_kind === 'snapshot' || m.data_kind === 'dated' ? { dataKind: m.data_kind } : {}),
    ...(m.churn_window_from && m.churn_window_to ? { churnWindow: { from: m.churn_window_from, to: m.churn_window_to } } : {}),
  }
}

/** Writes (upserts) dataset meta keys. */
export async function writeMeta(db: Db, meta: Partial<DatasetMeta>): Promise<void> {
  const pairs: Array<[string, string | undefined]> = [
    ['as_of', meta.asOf],
    ['currency', meta.currency],
    ['source', meta.source],
    ['company_name', meta.companyName],
    ['data_kind', meta.dataKind],
    ['churn_window_from', meta.churnWindow?.from],
    ['churn_window_to', meta.churnWindow?.to],
  ]
  for (const [key, value] of pairs) {
    if (value === undefined) continue
    await db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
  }
}

/** True when the database holds no customers yet (a new database). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return Number(row?.n ?? 0) === 0
}
