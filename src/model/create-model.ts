import { createOpenAI } from '@ai-sdk/openai'
import { defaultSettingsMiddleware, wrapLanguageModel, type LanguageModel } from 'ai'
import type { Config } from '../config.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { createOfflineModel } from './offline/offline-model.js'

/** A language model and the name reported with every answer. */
export type ModelChoice = { model: Exclude<LanguageModel, string>; name: string }

/**
 * `offline` (default): the built-in analyst. `openai:<id>`: OpenAI's Responses API, or with
 * OPENAI_BASE_URL any OpenAI-compatible chat-completions server (Ollama, vLLM, llama.cpp).
 * OPENAI_API=responses|chat overrides the protocol (e.g. the Responses API behind a proxy).
 */
export function createModel(config: Pick<Config, 'model' | 'openai'>, getCatalog: () => DataCatalog): ModelChoice {
  if (config.model === 'offline') return { model: createOfflineModel(getCatalog), name: 'offline' }
  const id = config.model.slice('openai:'.length)
  const { baseURL, apiKey } = config.openai
  const api = config.openai.api ?? (baseURL ? 'chat' : 'responses')
  if (!baseURL && !apiKey) throw new Error(`MODEL=${config.model} needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server)`)
  // Local servers need no key, but @ai-sdk/openai refuses to call without one.
  const provider = createOpenAI({ baseURL, apiKey: apiKey ?? 'not-needed' })
  const name = baseURL ? `openai-compatible:${id}` : `openai:${id}`
  if (api === 'chat') return { model: provider.chat(id), name }
  return { model: statelessResponses(provider.responses(id)), name }
}

/**
 * Sends `store: false` on every Responses API call. With OpenAI's default (`store: true`) the SDK
 * replays earlier assistant answers as `item_reference` ids instead of their text, so follow-ups
 * from our stored history would depend on OpenAI still holding those items (and fail on stateless
 * servers); the full history is ours and is sent in full.
 */
export function statelessResponses(model: Parameters<typeof wrapLanguageModel>[0]['model']) {
  return wrapLanguageModel({ model, middleware: defaultSettingsMiddleware({ settings: { providerOptions: { openai: { store: false } } } }) })
}
