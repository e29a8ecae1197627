import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { startAlerts } from './alerts/start-alerts.js'
import { warmClientAssets } from './adapters/web/bundle.js'
import { startupTokenLine, withServerSecret } from './auth/server-secret.js'
import { buildAppDeps } from './app-deps.js'
import { TurnPool, turnTimeoutMs } from './chat/turn-pool/turn-pool.js'
import { configuredServerLog } from './audit/server-log.js'
import { loadConfig } from './config.js'
import { isEmpty } from './db/meta.js'
import { openDatabase } from './db/open-database.js'
import { generateSampleCompany } from './db/sample/generate-sample-company.js'

/** Node entry: config → database (sample company on first run) → app → HTTP server. */
async function main(): Promise<void> {
  const { config, generated } = withServerSecret(loadConfig())
  warmClientAssets()
  const db = await openDatabase(config.databaseUrl, config.db)
  if (await isEmpty(db)) {
    console.log(`New database at ${config.databaseUrl}: generating the sample company (about 5,000 customers)…`)
    const r = await generateSampleCompany(db)
    console.log(`Sample company ready: ${r.customers} customers in ${(r.ms / 1000).toFixed(1)} s`)
  }
  // Questions are answered in turn processes, so the event loop stays free for HTTP, /healthz and bot acks.
  const turns = config.turnProcesses > 0 ? new TurnPool({ config, size: config.turnProcesses, turnTimeoutMs: turnTimeoutMs(config), log: configuredServerLog(config) }) : undefined
  turns?.warm()
  const deps = await buildAppDeps(config, db, undefined, turns)
  const app = createApp(deps)
  const alerts = await startAlerts(config, () => ({ db, catalog: deps.chat.catalog(), churn: deps.chat.churn, grossMargin: deps.chat.grossMargin }))
  const tokenLine = await startupTokenLine(config)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`churn-insight (${deps.chat.modelName} model) on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}`)
    console.log(config.web.page === 'open' ? 'Chat page: open (it gets its own short-lived tokens)' : 'Chat page: off (WEB_PAGE=open serves it); the API takes widget tokens only')
    if (generated) console.log('WIDGET_SECRET is not set: using a random secret for this run, so the widget and `churn-insight widget-token` need WIDGET_SECRET')
    console.log(tokenLine)
  })
  const stop = () => {
    alerts?.stop()
    server.close()
    void Promise.all([turns?.close(), db.destroy()]).finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
