import { Hono } from 'hono'
import type { ChatDeps } from '../../chat/chat-deps.js'
import { suggestions } from '../../tools/describe-data.js'

/** GET /api/suggestions?lang=en|zh: starter questions plus the names the client builds follow-ups from. */
export function suggestionsRoutes(deps: ChatDeps) {
  const app = new Hono()
  app.get('/api/suggestions', (c) => {
    const lang = c.req.query('lang') === 'zh' ? 'zh' : 'en'
    const catalog = deps.catalog()
    const toolDeps = { db: deps.db, catalog, churn: deps.churn, grossMargin: deps.grossMargin }
    return c.json({
      lang,
      company: catalog.meta.companyName,
      asOf: catalog.meta.asOf,
      starters: suggestions(toolDeps, lang),
      dimensions: catalog.dimensions.map((d) => ({ id: d.id, name: d.name[lang] })),
    })
  })
  return app
}
