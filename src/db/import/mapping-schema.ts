import { z } from 'zod'
import { dimensionJsonSchema } from '../../catalog/dimension-schema.js'
import { measureUnits } from '../../catalog/measure-def.js'
import { reasonIds } from '../../catalog/reasons.js'
import { dateFormats, isIsoDate } from '../../time/parse-date.js'

const isoDate = z.string().refine(isIsoDate, 'expected a date as YYYY-MM-DD, e.g. "2019-10-01"')
const column = z.string().trim().min(1, 'expected a column name')
const format = z.enum(dateFormats)
const file = z.string().trim().min(1, 'expected a file name (relative to the data file)')
const bilingual = z.object({ en: z.string().min(1), zh: z.string().min(1) })
const synonyms = z.object({ en: z.array(z.string()).default([]), zh: z.array(z.string()).default([]) })

/** Built-in customers columns a dimension can fill instead of customer_attributes. */
export const builtInColumns = ['plan', 'region', 'channel', 'industry', 'company_size'] as const
/** A customers column a dimension can fill. */
export type BuiltInColumn = (typeof builtInColumns)[number]

/** Units a tenure column can be counted in. */
export const tenureUnits = ['days', 'weeks', 'months', 'years'] as const
/** One of tenureUnits. */
export type TenureUnit = (typeof tenureUnits)[number]

/** How long a snapshot's churn flag looks back: a calendar span or a number of days. */
const windowSchema = z.union([z.enum(['month', 'quarter', 'year']), z.number().int().min(1).max(3660)])
/** The span over which a snapshot file observes churn. */
export type ChurnWindow = z.output<typeof windowSchema>

const signupSchema = z.union([
  z.strictObject({ column, format }),
  z.strictObject({ tenureMonthsColumn: column }),
  z.strictObject({ tenureColumn: column, unit: z.enum(tenureUnits) }),
])

// Churn as dated rows of another file (one row per churn event, a customer may have several).
const churnEventsSchema = z.strictObject({
  file,
  on: column,
  dateColumn: column,
  format,
  /** Column of the events file (yes/no) marking a churn the customer came back from; a final such event leaves them active. */
  reactivationColumn: column.optional(),
  /** Column of the events file with the amount refunded with each event (0 or blank: none). */
  refundColumn: column.optional(),
  /** A churn flag in the main file to compare with the events (the dry run reports disagreements). */
  compareFlag: z.strictObject({ column, trueValues: z.array(z.string()).min(1) }).optional(),
})

const churnSchema = z.union([
  z.strictObject({ dateColumn: column, format }),
  z.strictObject({
    flagColumn: column,
    trueValues: z.array(z.string()).min(1, 'list at least one value that means "churned"'),
    // When given, any value in neither list is an error instead of silently "not churned".
    falseValues: z.array(z.string()).optional(),
    asOf: isoDate.optional(),
    window: windowSchema.default('month'),
  }),
  z.strictObject({
    statusColumn: column,
    churnedValues: z.array(z.string()).min(1, 'list at least one status that means "churned"'),
    activeValues: z.array(z.string()).optional(),
    window: windowSchema.default('month'),
  }),
  z.strictObject({ events: churnEventsSchema }),
])

const churnReasonSchema = z.strictObject({
  column,
  codes: z.record(z.string(), z.enum(reasonIds)).default({}),
  // What a reason text missing from `codes` becomes; "error" makes the mapping prove it is complete;
  // "classify" stores no code, so the keyword classifier reads the text (free-text feedback).
  unmapped: z.union([z.enum(reasonIds), z.literal('error'), z.literal('classify')]).default('other'),
  asFeedback: z.boolean().default(false),
  /** A free-text column (e.g. RavenStack feedback_text) stored as exit-interview feedback of the churn. */
  feedbackColumn: column.optional(),
  language: z.enum(['en', 'zh']).default('en'),
})

const mrrSchema = z.union([
  // `per: "year"`: the column holds a yearly amount (ARR, annual contract value), divided by 12.
  z.strictObject({ column, per: z.enum(['month', 'year']).optional() }),
  z.strictObject({ columns: z.array(column).min(1) }),
  z.strictObject({ totalColumn: column, overTenure: z.literal(true) }),
  // Subscriptions of another file: each month's MRR is the sum over the subscriptions running in it.
  z.strictObject({ file, on: column, amountColumn: column, startColumn: column, endColumn: column.optional(), format }),
])

const dimensionSchema = dimensionJsonSchema.extend({
  sourceColumn: column,
  valueMap: z.record(z.string(), z.string()).default({}),
})

const measureSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'measure ids are snake_case, e.g. "credit_score"'),
  sourceColumn: column,
  name: bilingual,
  unit: z.enum(measureUnits).default('number'),
  synonyms: synonyms.default({ en: [], zh: [] }),
  description: z.string().default(''),
})

// Per-customer figures from a file with several rows per customer (tickets, usage, churn events):
// the rows are counted, summed or averaged per customer and stored as numeric attributes.
export const summaryAggregates = ['count', 'sum', 'mean', 'count_positive'] as const
/** How a summary measure folds a customer's rows: count rows, sum or average a column, count rows where it is above 0. */
export type SummaryAggregate = (typeof summaryAggregates)[number]

const summarySchema = z.strictObject({
  file,
  /** The file's column holding the customer id, or (with `via`) the key of the file in between. */
  on: column,
  /** When rows reach the customer through another file (usage rows → subscription → account): that file, its key and its customer column. */
  via: z.strictObject({ file, key: column, on: column }).optional(),
  measures: z.array(measureSchema.omit({ sourceColumn: true }).extend({
    aggregate: z.enum(summaryAggregates),
    /** The column summed or averaged (not for `count`). */
    column: column.optional(),
    /** Only rows where this column is not blank (subscriptions with an end date: the ended ones). */
    filled: column.optional(),
  })).min(1),
})

/** How a detail field is read: a number, a category (a few repeated values) or a yes/no. */
export const detailFieldKinds = ['number', 'category', 'yes_no'] as const
/** One of detailFieldKinds. */
export type DetailFieldKind = (typeof detailFieldKinds)[number]

const snakeId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are snake_case, e.g. "usage_count"')

// Child rows kept as they are (usage rows, subscriptions): typed fields, and the row's own end.
const detailSchema = z.strictObject({
  id: snakeId,
  file,
  on: column,
  via: z.strictObject({ file, key: column, on: column }).optional(),
  /** What the rows are called ("usage records" / "使用记录"). */
  name: bilingual,
  synonyms: synonyms.default({ en: [], zh: [] }),
  /** The row's own end: a yes/no column with the values meaning ended, or a column filled only when it ended (an end date). */
  ended: z.union([
    z.strictObject({ flagColumn: column, trueValues: z.array(z.string()).min(1) }),
    z.strictObject({ filledColumn: column }),
  ]).optional(),
  fields: z.array(z.strictObject({
    id: snakeId,
    column,
    kind: z.enum(detailFieldKinds),
    name: bilingual,
    unit: z.enum(measureUnits).default('number'),
    synonyms: synonyms.default({ en: [], zh: [] }),
    /** For yes_no: the raw values meaning yes. */
    trueValues: z.array(z.string()).optional(),
  })).min(1),
})

// Support tickets: one row per ticket, stored in the tickets table.
const ticketsSchema = z.strictObject({
  file,
  on: column,
  openedColumn: column,
  format,
  hoursColumn: column.optional(),
  /** A column naming the kind of ticket (a category or priority); "support" without one. */
  categoryColumn: column.optional(),
})

const joinSchema = z.strictObject({
  file,
  /** The key column: the same name in both files, or `{ column, fileColumn }` when they differ. */
  on: z.union([column, z.strictObject({ column, fileColumn: column })]),
})

const rawMappingSchema = z.strictObject({
  description: z.string().optional(),
  customerId: column,
  name: column.optional(),
  asOf: isoDate.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "USD" or "CNY"').default('USD'),
  companyName: z.string().optional(),
  join: z.array(joinSchema).default([]),
  signup: signupSchema,
  churn: churnSchema,
  churnReason: churnReasonSchema.optional(),
  mrr: mrrSchema.optional(),
  dimensions: z.array(dimensionSchema).default([]),
  measures: z.array(measureSchema).default([]),
  summaries: z.array(summarySchema).default([]),
  tickets: ticketsSchema.optional(),
  details: z.array(detailSchema).default([]),
  /** Columns deliberately not imported, with why (written by inference for review; ignored by the import). */
  ignored: z.record(z.string(), z.string()).optional(),
})

/**
 * Zod schema of an import mapping (data/mappings/README.md documents it). The output has
 * `asOf` resolved, tenure normalised to `{ tenureColumn, unit }` and each dimension's
 * customers column (if any) filled in.
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
    const measureIds = new Set<string>()
    m.measures.forEach((x, i) => {
      if (measureIds.has(x.id)) ctx.addIssue({ code: 'custom', path: ['measures', i, 'id'], message: `duplicate measure id "${x.id}"` })
      measureIds.add(x.id)
    })
    m.summaries.forEach((f, i) => f.measures.forEach((x, j) => {
      if (measureIds.has(x.id)) ctx.addIssue({ code: 'custom', path: ['summaries', i, 'measures', j, 'id'], message: `duplicate measure id "${x.id}"` })
      measureIds.add(x.id)
      if (x.aggregate !== 'count' && !x.column) ctx.addIssue({ code: 'custom', path: ['summaries', i, 'measures', j, 'column'], message: `required: the column to ${x.aggregate === 'mean' ? 'average' : x.aggregate === 'sum' ? 'sum' : 'test'}` })
    }))
    if (m.mrr && 'overTenure' in m.mrr && 'column' in m.signup) {
      ctx.addIssue({ code: 'custom', path: ['mrr'], message: 'overTenure spreads lifetime revenue over a tenure column: use it with signup.tenureColumn' })
    }
  })
  .transform((m) => ({
    ...m,
    asOf: (m.asOf ?? ('flagColumn' in m.churn ? m.churn.asOf : undefined)) as string,
    signup: 'tenureMonthsColumn' in m.signup ? { tenureColumn: m.signup.tenureMonthsColumn, unit: 'months' as TenureUnit } : m.signup,
    dimensions: m.dimensions.map((d) => ({ ...d, column: builtInColumnOf(d) })),
  }))

/** A mapping as written in JSON (what inference proposes and `data.mapping.json` holds). */
export type MappingInput = z.input<typeof mappingSchema>
/** A validated import mapping. */
export type Mapping = z.output<typeof mappingSchema>
/** One dimension declaration of a mapping. */
export type MappingDimension = Mapping['dimensions'][number]
/** One numeric attribute of a mapping. */
export type MappingMeasure = Mapping['measures'][number]
/** Child rows kept as typed detail rows. */
export type MappingDetail = Mapping['details'][number]
/** Per-customer measures summarised from a file with several rows per customer. */
export type MappingSummary = Mapping['summaries'][number]

// A dimension named after a built-in column fills it even without an explicit `column`.
function builtInColumnOf(d: { id: string; column?: BuiltInColumn }): BuiltInColumn | undefined {
  if (d.column) return d.column
  return (builtInColumns as readonly string[]).includes(d.id) ? (d.id as BuiltInColumn) : undefined
}
