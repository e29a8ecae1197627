import { createOpenAI } from '@ai-sdk/openai'
import type { LanguageModel } from 'ai'
import type { Config } from '../config.js'
import type { DataCatalog } from '../query/data-catalog.js'
import { createOfflineModel } from './offline/offline-model.js'

/** A language model and the name reported with every answer. */
export type ModelChoice = { model: Exclude<LanguageModel, string>; name: string }

/**
 * `offline` (default): the built-in analyst. `openai:<id>`: OpenAI's Responses API, or with
 * OPENAI_BASE_URL any OpenAI-compatible chat-completions server (Ollama, vLLM, llama.cpp).
 */
export function createModel(config: Pick<Config, 'model' | 'openai'>, getCatalog: () => DataCatalog): ModelChoice {
  if (config.model === 'offline') return { model: createOfflineModel(getCatalog), name: 'offline' }
  const id = config.model.slice('openai:'.length)
  if (config.openai.baseURL) {
    // Local servers need no key, but @ai-sdk/openai refuses to call without one.
    const provider = createOpenAI({ baseURL: config.openai.baseURL, apiKey: config.openai.apiKey ?? 'not-needed' })
    return { model: provider.chat(id), name: `openai-compatible:${id}` }
  }
  if (!config.openai.apiKey) throw new Error(`MODEL=${config.model} needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server)`)
  const provider = createOpenAI({ apiKey: config.openai.apiKey })
  return { model: provider.responses(id), name: `openai:${id}` }
}
