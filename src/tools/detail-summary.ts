import { tool } from 'ai'
import { z } from 'zod'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { DetailSourceDef } from '../catalog/detail-source.js'
import { AppError } from '../errors.js'
import { runDetailStats } from '../query/detail-sql.js'
import { languageSchema } from './schemas.js'
import { asToolResult, type ToolDeps } from './tool-deps.js'

/** Input schema of detail_summary (sources and fields as this data set's catalog lists them). */
export function detailSummaryInput(catalog: DataCatalog) {
  const sources = catalog.details ?? []
  const ids = sources.length ? sources.map((s) => s.id) : ['none']
  const list = sources.map((s) => `${s.id} (${s.name.en}/${s.name.zh}; fields: ${s.fields.map((f) => `${f.id} [${f.kind}]`).join(', ')})`).join('; ')
  return z.object({
    source: z.enum(ids as [string, ...string[]]).describe(`the kind of row: ${list || 'none kept in this data'}`),
    measure: z.string().optional().describe('a number field of the source to total and average per row; omitted: rows are counted'),
    by: z.string().optional().describe('a category or yes/no field of the source: one figure per value'),
    byStatus: z.boolean().optional().describe("split the rows of customers who ever churned from the others'"),
    byEnded: z.boolean().optional().describe('split the rows that ended (their own churn flag or end date) from the others'),
    focus: z.enum(['total', 'mean', 'ended_share', 'rows']).optional().describe('what the answer leads with: the total, the average per row, the share of rows that ended, or the row count'),
    where: z.object({ field: z.string(), values: z.array(z.string()).min(1).max(20) }).optional().describe('keep only rows whose category or yes/no field has one of these values'),
    language: languageSchema,
  })
}
/** Validated detail_summary input. */
export type DetailSummaryInput = z.infer<ReturnType<typeof detailSummaryInput>>

/** detail_summary: totals, per-row averages and ended shares over kept child rows (usage records, subscriptions). */
export function detailSummaryTool(deps: ToolDeps) {
  return tool({
    description:
      'Counts, totals and per-row averages over rows kept from a child file (usage records, subscriptions): per value of a category or yes/no field of the rows, and/or for the rows of customers who ever churned vs the others; with the share of rows that ended (their own churn flag or end date) when the rows record it. Over all the data. Returns rows, the definition and the SQL.',
    inputSchema: detailSummaryInput(deps.catalog),
    execute: (input) => asToolResult(() => detailSummary(deps, input)),
  })
}

/** Runs detail_summary. */
export async function detailSummary(deps: ToolDeps, input: DetailSummaryInput) {
  const source = (deps.catalog.details ?? []).find((s) => s.id === input.source)
  if (!source) throw new AppError('unknown_dimension', `This data keeps no rows called "${input.source}"`, { valid: (deps.catalog.details ?? []).map((s) => s.id) })
  const measure = input.measure ? fieldOf(source, input.measure, ['number']) : undefined
  const by = input.by ? fieldOf(source, input.by, ['category', 'yes_no']) : undefined
  const where = input.where ? { field: fieldOf(source, input.where.field, ['category', 'yes_no']).id, values: input.where.values } : undefined
  const { rows, sql } = await runDetailStats(deps.db, { source: source.id, measure: measure?.id, by: by?.id, byStatus: input.byStatus ?? false, byEnded: (input.byEnded ?? false) && source.hasEnded, where })
  return {
    kind: 'detail' as const,
    source: { id: source.id, name: source.name, hasEnded: source.hasEnded },
    measure: measure ? { id: measure.id, name: measure.name, unit: measure.unit } : null,
    by: by ? { id: by.id, name: by.name, kind: by.kind } : null,
    byStatus: input.byStatus ?? false,
    byEnded: (input.byEnded ?? false) && source.hasEnded,
    focus: input.focus ?? (measure ? 'total' : 'rows'),
    where: where ?? null,
    rows,
    currency: deps.catalog.meta.currency,
    coverage: deps.catalog.coverage,
    definition: `All ${source.name.en.toLowerCase()} in the data${input.byStatus ? "; churned customers = customers with at least one churn in the data, others = everyone else" : ''}${source.hasEnded ? '; ended = the row\'s own churn flag or end date' : ''}; blank values are left out of totals and averages.`,
    sql,
    rowCount: rows.length,
  }
}

function fieldOf(source: DetailSourceDef, id: string, kinds: Array<DetailSourceDef['fields'][number]['kind']>) {
  const f = source.fields.find((x) => x.id === id && kinds.includes(x.kind))
  if (!f) throw new AppError('unknown_dimension', `${source.name.en} have no ${kinds.join(' or ')} field "${id}"`, { valid: source.fields.filter((x) => kinds.includes(x.kind)).map((x) => x.id) })
  return f
}
