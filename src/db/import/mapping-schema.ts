import { z } from 'zod'
import { dimensionJsonSchema } from '../../catalog/dimension-schema.js'
import { reasonIds } from '../../catalog/reasons.js'
import { dateFormats, isIsoDate } from '../../time/parse-date.js'

const isoDate = z.string().refine(isIsoDate, 'expected a date as YYYY-MM-DD, e.g. "2019-10-01"')
const column = z.string().trim().min(1, 'expected a CSV column name')
const format = z.enum(dateFormats)

/** Built-in customers columns a dimension can fill instead of customer_attributes. */
export const builtInColumns = ['plan', 'region', 'channel', 'industry', 'company_size'] as const
/** A customers column a dimension can fill. */
export type BuiltInColumn = (typeof builtInColumns)[number]

const signupSchema = z.union([
  z.strictObject({ column, format }),
  z.strictObject({ tenureMonthsColumn: column }),
])

const churnSchema = z.union([
  z.strictObject({ dateColumn: column, format }),
  z.strictObject({
    flagColumn: column,
    trueValues: z.array(z.string()).min(1, 'list at least one value that means "churned"'),
    // When given, any value in neither list is an error instead of silently "not churned".
    falseValues: z.array(z.string()).optional(),
    asOf: isoDate.optional(),
    window: z.literal('month').default('month'),
  }),
])

const churnReasonSchema = z.strictObject({
  column,
  codes: z.record(z.string(), z.enum(reasonIds)).default({}),
  // What a reason text missing from `codes` becomes; "error" makes the mapping prove it is complete.
  unmapped: z.union([z.enum(reasonIds), z.literal('error')]).default('other'),
  asFeedback: z.boolean().default(false),
  language: z.enum(['en', 'zh']).default('en'),
})

const dimensionSchema = dimensionJsonSchema.extend({
  sourceColumn: column,
  valueMap: z.record(z.string(), z.string()).default({}),
})

const rawMappingSchema = z.strictObject({
  description: z.string().optional(),
  customerId: column,
  name: column.optional(),
  asOf: isoDate.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "USD" or "CNY"').default('USD'),
  companyName: z.string().optional(),
  signup: signupSchema,
  churn: churnSchema,
  churnReason: churnReasonSchema.optional(),
  mrr: z.strictObject({ column }).optional(),
  dimensions: z.array(dimensionSchema).default([]),
})

/**
 * Zod schema of a CSV import mapping (data/mappings/README.md documents it). The output
 * has `asOf` resolved and each dimension's customers column (if any) filled in.
 */
export const mappingSchema = rawMappingSchema
  .superRefine((m, ctx) => {
    const flagAsOf = 'flagColumn' in m.churn ? m.churn.asOf : undefined
    if (!m.asOf && !flagAsOf) ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'required: the snapshot date (YYYY-MM-DD) the file describes' })
    if (m.asOf && flagAsOf && m.asOf !== flagAsOf) {
      ctx.addIssue({ code: 'custom', path: ['churn', 'asOf'], message: `must equal asOf (${m.asOf}): the churn flag describes the same snapshot` })
    }
    const ids = new Set<string>()
    const columns = new Map<string, string>()
    m.dimensions.forEach((d, i) => {
      if (ids.has(d.id)) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'id'], message: `duplicate dimension id "${d.id}"` })
      ids.add(d.id)
      const col = builtInColumnOf(d)
      if (col && columns.has(col)) ctx.addIssue({ code: 'custom', path: ['dimensions', i], message: `dimensions "${columns.get(col)}" and "${d.id}" both fill the customers.${col} column` })
      if (col) columns.set(col, d.id)
    })
  })
  .transform((m) => ({
    ...m,
    asOf: (m.asOf ?? ('flagColumn' in m.churn ? m.churn.asOf : undefined)) as string,
    dimensions: m.dimensions.map((d) => ({ ...d, column: builtInColumnOf(d) })),
  }))

/** A validated import mapping. */
export type Mapping = z.output<typeof mappingSchema>
/** One dimension declaration of a mapping. */
export type MappingDimension = Mapping['dimensions'][number]

// A dimension named after a built-in column fills it even without an explicit `column`.
function builtInColumnOf(d: { id: string; column?: BuiltInColumn }): BuiltInColumn | undefined {
  if (d.column) return d.column
  return (builtInColumns as readonly string[]).includes(d.id) ? (d.id as BuiltInColumn) : undefined
}
