import { Hono } from 'hono'
import { AppError } from '../../errors.js'
import { grains, type Grain } from '../../catalog/types.js'
import type { ChatDeps } from '../../chat/chat-deps.js'
import { runCohortRetention } from '../../query/cohort-retention.js'
import { runMetric } from '../../query/run-metric.js'
import { parseWhere } from '../../query/parse-where.js'

/** GET /api/metrics (the catalog) and GET /api/metrics/:id?by=&from=&to=&grain=&where= (a metric as JSON). */
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
    const grain = q.grain as Grain | undefined
    if (grain && !grains.includes(grain)) throw new AppError('bad_request', `Unknown grain "${grain}". Valid grains: ${grains.join(', ')}`)
    const period = q.from || q.to ? { from: q.from, to: q.to } : q.period ? { relative: q.period as never, n: q.n ? Number(q.n) : undefined } : undefined
    const where = parseWhere(c.req.queries('where') ?? [])
    const qd = { db: deps.db, catalog: deps.catalog(), churn: deps.churn, grossMargin: deps.grossMargin }
    if (c.req.param('id') === 'cohort_retention') return c.json(await runCohortRetention(qd, { period, where, months: q.months ? Number(q.months) : undefined }))
    const by = q.by ? q.by.split(',').map((s) => s.trim()).filter(Boolean) : []
    return c.json(await runMetric(qd, { metric: c.req.param('id'), period, grain, by, where }))
  })
  return app
}
