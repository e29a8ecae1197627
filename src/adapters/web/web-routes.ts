import { Hono } from 'hono'
import type { AppDeps } from '../../app-deps.js'
import { pageRoutes } from './page-routes.js'
import { sessionRoutes } from './session-routes.js'
import { suggestionsRoutes } from './suggestions-routes.js'
import { vendorRoutes } from './vendor-routes.js'

/** Everything the browser needs: the chat page, the widget (loader + iframe page), assets, sessions and suggestions. */
export function webRoutes(deps: AppDeps) {
  const app = new Hono()
  app.route('/', pageRoutes(deps.config))
  app.route('/', sessionRoutes(deps.config))
  app.route('/', suggestionsRoutes(deps.chat))
  app.route('/', vendorRoutes())
  return app
}
