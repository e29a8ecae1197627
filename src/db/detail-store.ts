import { sql } from 'kysely'
import type { DetailSourceDef } from '../catalog/detail-source.js'
import type { MeasureUnit } from '../catalog/measure-def.js'
import { tableExists } from './dialects/table-exists.js'
import type { Db } from './open-database.js'

// A category with more values than this is listed only by its first ones (the names still match).
const maxValues = 100

/** The kept child-row sources with their fields and the values of their categories (empty before an import keeps any). */
export async function loadDetailSources(db: Db): Promise<DetailSourceDef[]> {
  if (!(await tableExists(db, 'detail_sources'))) return []
  const sources = await db.selectFrom('detail_sources').selectAll().orderBy('position').execute()
  if (sources.length === 0) return []
  const fields = await db.selectFrom('detail_fields').selectAll().orderBy('position').execute()
  const values = await sql<{ field: string; text: string; n: number }>`
    select field, text, count(*) as n from detail_values where text is not null group by field, text order by field, count(*) desc`.execute(db)
  const byField = new Map<string, string[]>()
  for (const v of values.rows) {
    const list = byField.get(v.field) ?? []
    if (list.length < maxValues) list.push(String(v.text))
    byField.set(v.field, list)
  }
  return sources.map((s) => ({
    id: s.id,
    name: { en: s.name_en, zh: s.name_zh },
    synonyms: { en: [], zh: [], ...JSON.parse(s.synonyms) },
    hasEnded: s.ended_column !== null,
    fields: fields.filter((f) => f.source === s.id).map((f) => ({
      id: f.id,
      kind: f.kind as DetailSourceDef['fields'][number]['kind'],
      name: { en: f.name_en, zh: f.name_zh },
      synonyms: { en: [], zh: [], ...JSON.parse(f.synonyms) },
      unit: f.unit as MeasureUnit,
      values: byField.get(`${s.id}.${f.id}`) ?? [],
    })),
  }))
}
