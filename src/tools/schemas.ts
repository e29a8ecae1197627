import { z } from 'zod'
import { relativePeriods } from '../time/period.js'
import type { DataCatalog } from '../catalog/data-catalog.js'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')

/** Period input shared by every tool: relative to the data's as-of date, or absolute [from, to). */
export const periodSchema = z
  .object({
    relative: z.enum(relativePeriods).optional().describe('relative to the data set\'s as-of date: last_month, last_quarter, this_year (to date), last_n_months (with n), all_time…'),
    n: z.number().int().min(1).max(120).optional().describe('how many months/quarters/days for last_n_*'),
    from: isoDate.optional().describe('first day included (YYYY-MM-DD)'),
    to: isoDate.optional().describe('first day NOT included (YYYY-MM-DD), e.g. 2026-04-01 to end with March'),
  })
  .describe('time period; omit for the default (the last 12 full months)')

/** Answer language, used for chart titles and names. */
export const languageSchema = z.enum(['en', 'zh']).optional().describe('language of the user\'s question (chart titles follow it)')

/** Dimension ids of this data set as a zod enum (the JSON Schema then carries the valid ids). */
export function dimensionEnum(catalog: DataCatalog) {
  const ids = catalog.dimensions.map((d) => d.id)
  const list = catalog.dimensions.map((d) => `${d.id} (${d.name.en}/${d.name.zh})`).join(', ')
  return (ids.length ? z.enum(ids as [string, ...string[]]) : z.string()).describe(`a segment dimension: ${list}`)
}

/** Filters: dimension → allowed values (stored values, or their English/Chinese synonyms). */
export function filtersSchema(catalog: DataCatalog) {
  return z
    .array(z.object({ dimension: dimensionEnum(catalog), values: z.array(z.string().min(1)).min(1).max(20) }))
    .max(4)
    .optional()
    .describe('keep only customers whose dimension has one of these values')
}

/** Converts the filter array into the `where` record queries take. */
export function toWhere(filters: Array<{ dimension: string; values: string[] }> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const f of filters ?? []) out[f.dimension] = [...(out[f.dimension] ?? []), ...f.values]
  return out
}
