import { Migrator } from 'kysely/migration'
import { createApp } from './app.js'
import { buildAppDeps } from './app-deps.js'
import { loadConfig } from './config.js'
import { openD1, type D1DatabaseLike } from './db/dialects/d1-dialect.js'
import { migrationProvider } from './db/migrations/index.js'

/** The Worker's bindings: the D1 database and string settings (vars and secrets, same names as the Node env). */
export type WorkerEnv = { DB: D1DatabaseLike } & Record<string, unknown>

type App = ReturnType<typeof createApp>
let app: Promise<App> | undefined

// One app per isolate, built on the first request: migrations (a no-op once applied) and the
// catalog load happen once, not per request. A failed start is retried by the next request.
async function start(env: WorkerEnv): Promise<App> {
  const strings = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<string, string>
  const config = loadConfig(strings)
  // Workers have no start-up line to print a token on: /api/* needs a configured secret.
  if (!config.widget.secret) throw new Error('Set WIDGET_SECRET (wrangler secret put WIDGET_SECRET): /api/* needs it to verify tokens')
  const db = openD1(env.DB)
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest()
  if (error) throw error
  return createApp(await buildAppDeps(config, db))
}

/** Cloudflare Workers entry: the same Hono app as `npm start`, over D1, with the configured model (offline by default). */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown): Promise<Response> {
    app ??= start(env)
    let ready: App
    try {
      ready = await app
    } catch (e) {
      app = undefined
      console.error(e)
      return Response.json({ error: { code: 'unavailable', message: 'The service is starting or misconfigured; the error has been logged.' } }, { status: 503 })
    }
    return ready.fetch(request, env, ctx as never)
  },
}
