import type { Context } from 'hono'
import type { z } from 'zod'
import { AppError } from '../../errors.js'

/** Parses and validates a JSON body; bad JSON or a schema miss → 400 with a readable message. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new AppError('bad_request', 'The request body must be valid JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue.path.length ? `"${issue.path.join('.')}": ` : ''
    const tooBig = issue.code === 'too_big'
    throw new AppError(tooBig ? 'payload_too_large' : 'bad_request', `${where}${issue.message}`)
  }
  return parsed.data
}
