import type { Config } from './config.js'
import { AppError } from './errors.js'
import type { ChatDeps } from './chat/chat-deps.js'
import type { Db } from './db/open-database.js'
import { loadDataCatalog } from './query/load-data-catalog.js'
import type { DataCatalog } from './catalog/data-catalog.js'
import { createModel, type ModelChoice } from './model/create-model.js'
import { createOfflineModel } from './model/offline/offline-model.js'
import { configuredServerLog } from './audit/server-log.js'
import { RateLimiter } from './auth/rate-limit.js'

/** What createApp needs: config, an open database, a model, and the loaded catalog (reloadable). */
export type AppDeps = {
  config: Config
  db: Db
  chat: ChatDeps
  /** Re-reads dimensions, values and counts (after an import). */
  reloadCatalog(): Promise<DataCatalog>
}

/**
 * Builds AppDeps from config and a database; tests pass their own model to replace the configured one,
 * the server its turn processes.
 */
export async function buildAppDeps(config: Config, db: Db, model?: ModelChoice, turnPool?: ChatDeps['turnPool'] & { reload(): Promise<void> }): Promise<AppDeps> {
  let catalog = await loadDataCatalog(db)
  // Without activity data every customer would look silent and "churn" N days after signup.
  if (config.churn.kind === 'inactivity' && catalog.counts.activity === 0 && catalog.counts.customers > 0) {
    throw new AppError('bad_request', 'CHURN_DEFINITION=inactivity needs product activity data, and this database has none (an import without activity columns). Use CHURN_DEFINITION=subscription.')
  }
  const getCatalog = () => catalog
  const choice = model ?? createModel(config, getCatalog)
  return {
    config,
    db,
    chat: {
      db,
      model: choice.model,
      modelName: choice.name,
      churn: config.churn,
      grossMargin: config.grossMargin,
      catalog: getCatalog,
      // Any model but the offline analyst itself can fail; the analyst then answers instead.
      ...(choice.name === 'offline' ? {} : { fallbackModel: createOfflineModel(getCatalog) }),
      modelTimeoutMs: config.modelTimeoutMs,
      pii: config.pii,
      limiter: new RateLimiter(config.rateLimitPerMinute),
      log: configuredServerLog(config),
      auditDays: config.auditDays,
      ...(turnPool ? { turnPool } : {}),
    },
    async reloadCatalog() {
      catalog = await loadDataCatalog(db)
      await turnPool?.reload()
      return catalog
    },
  }
}
