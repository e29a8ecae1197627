import type { ModelMessage } from 'ai'
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/open-database.js'

/** How many stored messages are replayed to the model: enough for follow-ups, bounded for context size. */
export const HISTORY_LIMIT = 24

/** Returns the conversation id to use: the given one if it exists (or is new and well-formed), else a fresh one. */
export async function ensureConversation(db: Db, opts: { id?: string; channel: string; externalKey?: string }): Promise<string> {
  if (opts.externalKey) {
    const found = await db.selectFrom('conversations').select('id').where('external_key', '=', opts.externalKey).executeTakeFirst()
    if (found) return found.id
  }
  const id = opts.id ?? randomUUID()
  const exists = await db.selectFrom('conversations').select('id').where('id', '=', id).executeTakeFirst()
  if (!exists) {
    await db.insertInto('conversations').values({ id, created_at: new Date().toISOString(), channel: opts.channel, external_key: opts.externalKey ?? null }).execute()
  }
  return id
}

/** True when a conversation with this id exists. */
export async function conversationExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('conversations').select('id').where('id', '=', id).executeTakeFirst())
}

/** The last HISTORY_LIMIT messages of a conversation, oldest first, starting at a user message. */
export async function loadHistory(db: Db, conversationId: string): Promise<ModelMessage[]> {
  const rows = await db
    .selectFrom('messages')
    .select(['role', 'content'])
    .where('conversation_id', '=', conversationId)
    .orderBy('position', 'desc')
    .limit(HISTORY_LIMIT)
    .execute()
  const msgs = rows.reverse().map((r) => JSON.parse(r.content) as ModelMessage)
  // A window must not start with a tool result whose call was cut off.
  const firstUser = msgs.findIndex((m) => m.role === 'user')
  return firstUser < 0 ? [] : msgs.slice(firstUser)
}

/** Appends messages to a conversation in order. */
export async function appendMessages(db: Db, conversationId: string, messages: ModelMessage[]): Promise<void> {
  if (!messages.length) return
  const last = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst()
  let position = Number(last?.p ?? -1) + 1
  const now = new Date().toISOString()
  await db
    .insertInto('messages')
    .values(messages.map((m) => ({ conversation_id: conversationId, position: position++, role: m.role as 'user', content: JSON.stringify(m), created_at: now })))
    .execute()
}

/** The channel a conversation came from (`slack`, `web`, `api`, `cli`), or undefined when there is none. */
export async function conversationChannel(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('conversations').select('channel').where('id', '=', id).executeTakeFirst())?.channel
}
