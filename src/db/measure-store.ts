import type { MeasureDef, MeasureUnit } from '../catalog/measure-def.js'
import type { Db } from './open-database.js'

/** Saves (replaces) the data set's declared numeric attributes. */
export async function saveMeasures(db: Db, measures: MeasureDef[]): Promise<void> {
  await db.deleteFrom('measures').execute()
  if (measures.length === 0) return
  await db
    .insertInto('measures')
    .values(measures.map((m, position) => ({
      id: m.id, name_en: m.name.en, name_zh: m.name.zh, unit: m.unit,
      synonyms: JSON.stringify(m.synonyms), description: m.description, position,
    })))
    .execute()
}

/** Loads the declared numeric attributes in declaration order. */
export async function loadMeasures(db: Db): Promise<MeasureDef[]> {
  const rows = await db.selectFrom('measures').selectAll().orderBy('position').execute()
  return rows.map((r) => ({
    id: r.id,
    name: { en: r.name_en, zh: r.name_zh },
    unit: r.unit as MeasureUnit,
    synonyms: { en: [], zh: [], ...JSON.parse(r.synonyms) },
    description: r.description,
  }))
}
