import type { ModelMessage } from 'ai'
import { randomUUID } from 'node:crypto'
import type { Principal } from '../auth/principal.js'
import type { Db } from '../db/open-database.js'
import { AppError } from '../errors.js'

/** How many stored messages are replayed to the model: enough for follow-ups, bounded for context size. */
export const HISTORY_LIMIT = 24

/** The same message for "no such id" and "someone else's id", so ids cannot be probed. */
function notFound(): AppError {
  return new AppError('not_found', 'No conversation with this id for you; leave the id out to start a new conversation')
}

/** True when `principal` may read and continue a conversation owned by `owner`. */
export function canAccess(owner: string | null, principal: Principal): boolean {
  if (principal.kind === 'local') return true
  if (owner === principal.id) return true
  // A chat-platform thread is shared by the people of its tenant who talk in it: owner `<platform>:<tenant>:<user>`.
  const tenant = (id: string) => id.split(':').slice(0, 2).join(':')
  return principal.kind === 'bot' && !!owner && owner.split(':').length === 3 && tenant(owner) === tenant(principal.id)
}

/**
 * The conversation to use. An id must name an existing conversation the principal may access (else
 * 404); without one, the server makes a new id, owned by the principal. A client never chooses a new id.
 * `externalKey` (a Slack thread) finds or creates the thread's conversation.
 */
export async function ensureConversation(db: Db, opts: { id?: string; channel: string; externalKey?: string; principal: Principal }): Promise<string> {
  if (opts.externalKey) {
    const found = await db.selectFrom('conversations').select(['id', 'owner']).where('external_key', '=', opts.externalKey).executeTakeFirst()
    if (found) {
      if (!canAccess(found.owner, opts.principal)) throw notFound()
      return found.id
    }
  } else if (opts.id) {
    const found = await db.selectFrom('conversations').select(['id', 'owner']).where('id', '=', opts.id).executeTakeFirst()
    if (!found || !canAccess(found.owner, opts.principal)) throw notFound()
    return found.id
  }
  const id = randomUUID()
  await db.insertInto('conversations').values({ id, created_at: new Date().toISOString(), channel: opts.channel, external_key: opts.externalKey ?? null, owner: opts.principal.id }).execute()
  return id
}

/** The owner of a conversation and its channel, or undefined when there is none. */
export async function conversationOwner(db: Db, id: string): Promise<{ owner: string | null; channel: string } | undefined> {
  return db.selectFrom('conversations').select(['owner', 'channel']).where('id', '=', id).executeTakeFirst()
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
