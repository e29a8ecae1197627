import type { DataCatalog } from '../catalog/data-catalog.js'
import { createTools } from '../tools/index.js'
import { withCompactModelOutput } from '../tools/model-output.js'
import type { ChatDeps } from './chat-deps.js'

// Tool schemas are built from the catalog; build them once per loaded catalog, not per question.
const cache = new WeakMap<DataCatalog, ReturnType<typeof createTools>>()

/** The tool set for the current catalog, with the compact model view of results. */
export function toolsFor(deps: ChatDeps, catalog: DataCatalog): ReturnType<typeof createTools> {
  let tools = cache.get(catalog)
  if (!tools) {
    tools = withCompactModelOutput(createTools({ db: deps.db, catalog, churn: deps.churn, grossMargin: deps.grossMargin }))
    cache.set(catalog, tools)
  }
  return tools
}
