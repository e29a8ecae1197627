import { type DimensionDef, type OutcomeKind, outcomeKinds } from '../catalog/types.js'
import type { Db } from './open-database.js'

/** Saves (replaces) the data set's declared dimensions. */
export async function saveDimensions(db: Db, dims: DimensionDef[]): Promise<void> {
  await db.deleteFrom('dimensions').execute()
  let position = 0
  for (const d of dims) {
    await db
      .insertInto('dimensions')
      .values({
        id: d.id,
        source: d.source.kind === 'column' ? `column:${d.source.column}` : 'attribute',
        name_en: d.name.en,
        name_zh: d.name.zh,
        synonyms: JSON.stringify(d.synonyms),
        value_synonyms: JSON.stringify(d.values ?? {}),
        description: d.description,
        position: position++,
        yes_no: d.yesNo ? 1 : 0,
        outcome: d.outcome ?? null,
      })
      .execute()
  }
}

/** Loads the declared dimensions in declaration order. */
export async function loadDimensions(db: Db): Promise<DimensionDef[]> {
  const rows = await db.selectFrom('dimensions').selectAll().orderBy('position').execute()
  return rows.map((r) => ({
    id: r.id,
    source: r.source.startsWith('column:')
      ? { kind: 'column', column: r.source.slice('column:'.length) as 'plan' }
      : { kind: 'attribute' },
    name: { en: r.name_en, zh: r.name_zh },
    synonyms: { en: [], zh: [], ...JSON.parse(r.synonyms) },
    values: JSON.parse(r.value_synonyms),
    description: r.description,
    ...(r.yes_no ? { yesNo: true } : {}),
    ...(isOutcomeKind(r.outcome) ? { outcome: r.outcome } : {}),
  }))
}

function isOutcomeKind(v: string | null | undefined): v is OutcomeKind {
  return (outcomeKinds as readonly string[]).includes(v ?? '')
}
