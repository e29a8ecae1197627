import type { LanguageModel } from 'ai'
import type { Db } from '../db/open-database.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { ChurnDefinitionConfig } from '../config.js'

/** Everything the conversation loop needs; built once by createApp and shared by all adapters. */
export type ChatDeps = {
  db: Db
  model: Exclude<LanguageModel, string>
  modelName: string
  churn: ChurnDefinitionConfig
  grossMargin: number
  /** The current data catalog (reloaded after imports). */
  catalog: () => DataCatalog
  /** Upper bound on model steps (tool calls + final text) per question. */
  maxSteps?: number
}
