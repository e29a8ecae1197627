import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { describeChurnDefinition } from '../query/spells.js'
import type { ChurnDefinitionConfig } from '../config.js'

const template = readFileSync(fileURLToPath(new URL('../../prompts/system.md', import.meta.url)), 'utf8')

/** Catalog summary injected into the system prompt: metrics, dimensions and their values, dates, definition. */
export function catalogSummary(catalog: DataCatalog, churn: ChurnDefinitionConfig): string {
  const metrics = catalog.metrics.map((m) => `- \`${m.id}\` — ${m.name.en} / ${m.name.zh} (${m.unit}): ${m.description}`)
  const dims = catalog.dimensions.map((d) => {
    const vals = (catalog.values[d.id] ?? []).slice(0, 20).map((v) => v.value)
    return `- \`${d.id}\` — ${d.name.en} / ${d.name.zh}: ${vals.join(', ')}${(catalog.values[d.id]?.length ?? 0) > 20 ? ', …' : ''}`
  })
  return [
    `Company: ${catalog.meta.companyName || 'unnamed'} (source: ${catalog.meta.source}); data from ${catalog.dataStart} to ${catalog.meta.asOf} (as-of date); currency ${catalog.meta.currency}.`,
    `Churn definition: ${describeChurnDefinition(churn)}.`,
    `Rows: ${Object.entries(catalog.counts).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    '',
    'Metrics:',
    ...metrics,
    '',
    'Dimensions (group by up to two; filter by values):',
    ...dims,
  ].join('\n')
}

/** The full system prompt: prompts/system.md with the catalog summary filled in. */
export function systemPrompt(catalog: DataCatalog, churn: ChurnDefinitionConfig): string {
  return template.replace('{{catalog}}', catalogSummary(catalog, churn)).replaceAll('{{asOf}}', catalog.meta.asOf)
}
