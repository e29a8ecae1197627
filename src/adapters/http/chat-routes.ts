import { Hono } from 'hono'
import { z } from 'zod'
import { ask } from '../../chat/ask.js'
import type { ChatDeps } from '../../chat/chat-deps.js'
import { streamChat } from '../../chat/stream-chat.js'
import { AppError } from '../../errors.js'
import { principalOf } from '../../auth/principal-context.js'
import { readJson } from './read-json.js'

/** Longest question accepted, in characters. */
export const MAX_QUESTION = 2000

const question = z.string().trim().min(1, 'question must not be empty').max(MAX_QUESTION, `question is limited to ${MAX_QUESTION} characters`)
const conversationId = z.string().regex(/^[A-Za-z0-9_:.-]{1,100}$/, 'conversationId must be 1–100 letters, digits or _:.-').optional()

const askBody = z.object({ question, conversationId })
// useChat sends { id, messages: UIMessage[] }; only the last user message's text is used (history lives server-side).
// `id` must be a conversation id this server issued (x-conversation-id / data-conversation); new ids are never taken from clients.
const chatBody = z.object({
  id: conversationId,
  conversationId,
  messages: z.array(z.object({ role: z.string(), parts: z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough()) }).passthrough()).min(1).max(200),
})

/** POST /api/ask (one JSON answer) and POST /api/chat (UI message stream). */
export function chatRoutes(deps: ChatDeps) {
  const app = new Hono()
  app.post('/api/ask', async (c) => {
    const body = await readJson(c, askBody)
    return c.json(await ask(deps, { question: body.question, conversationId: body.conversationId, channel: 'api', principal: principalOf(c), signal: c.req.raw.signal }))
  })
  app.post('/api/chat', async (c) => {
    const body = await readJson(c, chatBody)
    const lastUser = [...body.messages].reverse().find((m) => m.role === 'user')
    const text = lastUser?.parts.filter((p) => p.type === 'text').map((p) => p.text ?? '').join('\n').trim() ?? ''
    const parsed = question.safeParse(text)
    if (!parsed.success) throw new AppError(text.length > MAX_QUESTION ? 'payload_too_large' : 'bad_request', `last user message: ${parsed.error.issues[0].message}`)
    return streamChat(deps, { question: parsed.data, conversationId: body.conversationId ?? body.id, channel: 'web', principal: principalOf(c), signal: c.req.raw.signal })
  })
  return app
}
