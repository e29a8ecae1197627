import type { Db } from '../open-database.js'
import type { PreparedDetail } from './read-details.js'

// 500 rows × 4 columns stays well inside SQLite's 32,766 bound parameters.
const chunk = 500

/** Writes the detail sources, their fields, rows and cells (inside the import's transaction); returns rows and cells written. */
export async function writeDetails(trx: Db, details: PreparedDetail[]): Promise<{ rows: number; values: number }> {
  let rowId = 0
  let values = 0
  for (const [position, { detail: d, rows }] of details.entries()) {
    const endedColumn = d.ended ? ('flagColumn' in d.ended ? d.ended.flagColumn : d.ended.filledColumn) : null
    await trx.insertInto('detail_sources').values({ id: d.id, name_en: d.name.en, name_zh: d.name.zh, synonyms: JSON.stringify(d.synonyms), ended_column: endedColumn, position }).execute()
    if (d.fields.length > 0) {
      await trx.insertInto('detail_fields').values(d.fields.map((f, i) => ({ source: d.id, id: f.id, kind: f.kind, name_en: f.name.en, name_zh: f.name.zh, synonyms: JSON.stringify(f.synonyms), unit: f.unit, position: i }))).execute()
    }
    const rowBatch: Array<{ id: number; source: string; customer_id: string; ended: number | null }> = []
    const valueBatch: Array<{ row_id: number; field: string; num: number | null; text: string | null }> = []
    const flush = async (all: boolean) => {
      if (rowBatch.length >= chunk || (all && rowBatch.length)) await trx.insertInto('detail_rows').values(rowBatch.splice(0)).execute()
      while (valueBatch.length >= chunk || (all && valueBatch.length)) await trx.insertInto('detail_values').values(valueBatch.splice(0, chunk)).execute()
    }
    for (const r of rows) {
      const id = ++rowId
      rowBatch.push({ id, source: d.id, customer_id: r.customer, ended: r.ended === null ? null : r.ended ? 1 : 0 })
      for (const v of r.values) valueBatch.push({ row_id: id, field: `${d.id}.${v.field}`, num: v.num, text: v.text })
      values += r.values.length
      await flush(false)
    }
    await flush(true)
  }
  return { rows: rowId, values }
}
