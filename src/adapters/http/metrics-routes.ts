import { Hono } from 'hono'
import type { ChatDeps } from '../../chat/chat-deps.js'
import { computeMetric } from '../../tools/metrics-service.js'
import { principalOf } from '../../auth/principal-context.js'

/** GET /api/metrics (the catalog) and GET /api/metrics/:id?by=&from=&to=&period=&n=&grain=&where= (a metric as JSON). */
export function metricsRoutes(deps: ChatDeps) {
  const app = new Hono()
  app.get('/api/metrics', (c) => {
    const cat = deps.catalog()
    return c.json({
      metrics: cat.metrics.map((m) => ({ id: m.id, name: m.name, unit: m.unit, formula: m.formula, description: m.description, grains: m.grains })),
      dimensions: cat.dimensions.map((d) => ({ id: d.id, name: d.name, values: (cat.values[d.id] ?? []).map((v) => v.value) })),
      asOf: cat.meta.asOf,
    })
  })
  app.get('/api/metrics/:id', async (c) => {
    const q = c.req.query()
    const r = await computeMetric(
      { db: deps.db, catalog: deps.catalog(), churn: deps.churn, grossMargin: deps.grossMargin },
      { metric: c.req.param('id'), by: q.by, from: q.from, to: q.to, period: q.period, n: q.n, grain: q.grain, where: c.req.queries('where') ?? [], months: q.months } as never,
      principalOf(c).scope,
    )
    return c.json(r.result)
  })
  return app
}
