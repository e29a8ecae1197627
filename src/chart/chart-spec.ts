import { z } from 'zod'

/** A chart built in code from result rows (never by a model): the structured spec other renderers use. */
export const chartSpecSchema = z.object({
  type: z.enum(['line', 'bar', 'pie']).describe('line for trends over time, bar for segment comparisons, pie for shares'),
  title: z.string().describe('chart title in the answer language'),
  x: z.array(z.string()).describe('category or time labels along the x axis (pie: slice labels)'),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })).describe('one entry per line/bar group; values align with x'),
  unit: z.string().describe('unit of the values, e.g. "%", "USD", "customers"'),
  lang: z.enum(['en', 'zh']).optional().describe('language of the labels'),
  omitted: z
    .object({ count: z.number().int().positive(), kind: z.enum(['earliest', 'smallest']) })
    .optional()
    .describe('categories left out to keep the chart readable: the earliest periods or the smallest values'),
})
/** Structured chart spec: `{type, title, x, series:[{name, values}], unit}`. */
export type ChartSpec = z.infer<typeof chartSpecSchema>

/** What tools attach to results: mermaid source plus the structured spec. */
export type Chart = { mermaid: string; spec: ChartSpec }
