import { z } from 'zod'
import { type DimensionDef, outcomeKinds } from './types.js'

const synonyms = z.object({ en: z.array(z.string()).default([]), zh: z.array(z.string()).default([]) })

/** JSON shape of a declared dimension, shared by data/dimensions.json and import mappings. */
export const dimensionJsonSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'dimension ids are snake_case, e.g. "payment_method"'),
  column: z.enum(['plan', 'region', 'channel', 'industry', 'company_size']).optional()
    .describe('built-in customers column; omit for a company-specific attribute'),
  name: z.object({ en: z.string().min(1), zh: z.string().min(1) }),
  synonyms: synonyms.default({ en: [], zh: [] }),
  values: z.record(z.string(), z.object({
    en: z.array(z.string()).optional(),
    zh: z.array(z.string()).optional(),
    label: z.object({ en: z.string().optional(), zh: z.string().optional() }).optional().describe('display name per language'),
  })).default({}),
  description: z.string().default(''),
  yesNo: z.boolean().optional().describe('values are Yes/No'),
  outcome: z.enum(outcomeKinds).optional()
    .describe("records the churn outcome (a customer status, the data's own churn category): counted and filtered by, never a churn factor"),
})
export type DimensionJson = z.infer<typeof dimensionJsonSchema>

/** Converts the JSON declaration into a DimensionDef. */
export function toDimensionDef(j: DimensionJson): DimensionDef {
  return {
    id: j.id,
    source: j.column ? { kind: 'column', column: j.column } : { kind: 'attribute' },
    name: j.name,
    synonyms: j.synonyms,
    values: j.values,
    description: j.description,
    ...(j.yesNo ? { yesNo: true } : {}),
    ...(j.outcome ? { outcome: j.outcome } : {}),
  }
}
