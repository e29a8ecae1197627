import type { DataCatalog } from '../catalog/data-catalog.js'
import { asSchema } from 'ai'
import { createTools } from '../tools/index.js'
import { withCompactModelOutput } from '../tools/model-output.js'
import type { ChatDeps } from './chat-deps.js'

// Tool schemas are built from the catalog; build them once per loaded catalog, not per question.
const cache = new WeakMap<DataCatalog, ReturnType<typeof createTools>>()

/** The tool set for the current catalog, with the compact model view of results. */
export function toolsFor(deps: ChatDeps, catalog: DataCatalog): ReturnType<typeof createTools> {
  let tools = cache.get(catalog)
  if (!tools) {
    tools = withSchemasOnce(withCompactModelOutput(createTools({ db: deps.db, catalog, churn: deps.churn, grossMargin: deps.grossMargin })))
    cache.set(catalog, tools)
  }
  return tools
}

/**
 * Each tool's input schema as the AI SDK's Schema object, made once: given a zod schema, the SDK
 * wraps it anew and converts it to JSON Schema on every call (about 12 ms per question for these
 * tools); a Schema object keeps its JSON Schema after the first conversion.
 */
function withSchemasOnce<T extends Record<string, object>>(tools: T): T {
  const out: Record<string, object> = {}
  for (const [name, t] of Object.entries(tools)) {
    const schema = (t as { inputSchema?: unknown }).inputSchema
    out[name] = schema ? { ...t, inputSchema: asSchema(schema as Parameters<typeof asSchema>[0]) } : t
  }
  return out as T
}
