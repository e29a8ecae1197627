/** A question taken from im.message.receive_v1: who asked, where, and the cleaned text. */
export type FeishuQuestion = { eventId?: string; tenant: string; user: string; messageId: string; chatId: string; group: boolean; threadRoot: string; text: string }

type Id = { open_id?: string; user_id?: string; union_id?: string }
/** The fields of a receive_v1 event this bot reads, as the event subscription and the long connection deliver them. */
export type FeishuMessageEvent = {
  event_id?: string
  tenant_key?: string
  sender?: { sender_id?: Id; sender_type?: string; tenant_key?: string }
  message?: { message_id?: string; root_id?: string; thread_id?: string; chat_id?: string; chat_type?: string; message_type?: string; content?: string; mentions?: Array<{ key?: string; name?: string; id?: Id }> }
}

/**
 * The question in a message event, or null when the bot should stay silent: text messages from people,
 * in a direct chat or mentioning someone in a group (Feishu delivers group messages to a bot only when
 * it is @-mentioned, unless the app asked to read all group messages).
 */
export function questionFromFeishuEvent(ev: FeishuMessageEvent): FeishuQuestion | null {
  const m = ev.message
  if (!m?.message_id || !m.chat_id || m.message_type !== 'text') return null
  if (ev.sender?.sender_type && ev.sender.sender_type !== 'user') return null
  if (m.chat_type !== 'p2p' && !(m.mentions ?? []).length) return null
  let text = ''
  try {
    text = String((JSON.parse(m.content ?? '{}') as { text?: unknown }).text ?? '')
  } catch {
    return null
  }
  // Mentions arrive as placeholders (@_user_1); the bot's own is dropped, other people's become their names.
  for (const mention of m.mentions ?? []) if (mention.key) text = text.split(mention.key).join(m.chat_type === 'p2p' ? `@${mention.name ?? ''}` : '')
  const id = ev.sender?.sender_id
  return {
    ...(ev.event_id ? { eventId: ev.event_id } : {}),
    tenant: ev.tenant_key ?? ev.sender?.tenant_key ?? '',
    user: id?.open_id ?? id?.user_id ?? id?.union_id ?? '',
    messageId: m.message_id,
    chatId: m.chat_id,
    group: m.chat_type !== 'p2p',
    // A reply in a thread carries the thread's first message as root_id: that is the conversation.
    threadRoot: m.root_id || m.message_id,
    text: text.replace(/\s+/g, ' ').trim(),
  }
}
