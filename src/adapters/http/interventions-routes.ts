import { Hono } from 'hono'
import { z } from 'zod'
import type { ChatDeps } from '../../chat/chat-deps.js'
import { addInterventions, interventionSchema } from '../../risk/interventions.js'
import { readJson } from './read-json.js'

const body = z.union([z.object({ interventions: z.array(interventionSchema).min(1).max(2000) }), interventionSchema])

/** POST /api/interventions: record save actions ({customer_id, date, action, team?, note?}, or {interventions: [...]}). */
export function interventionsRoutes(deps: ChatDeps, now: () => Date = () => new Date()) {
  const app = new Hono()
  app.post('/api/interventions', async (c) => {
    const b = await readJson(c, body)
    const rows = 'interventions' in b ? b.interventions : [b]
    const stored = await addInterventions(deps.db, rows, now)
    return c.json({ stored }, 201)
  })
  return app
}
