/** A question taken from a Slack event: where it was asked and its cleaned text. */
export type SlackQuestion = { team: string; channel: string; user: string; ts: string; threadTs: string; text: string; eventId?: string }

type SlackEvent = { type?: string; subtype?: string; bot_id?: string; app_id?: string; user?: string; text?: string; ts?: string; thread_ts?: string; channel?: string; channel_type?: string; team?: string }
type EventCallback = { type?: string; team_id?: string; event_id?: string; event?: SlackEvent; authorizations?: Array<{ user_id?: string; is_bot?: boolean }> }

/**
 * The question in an event_callback, or null when the bot should stay silent: only app_mention and
 * direct messages (message.im) from people; bot messages, our own messages and edits/joins/other subtypes are dropped.
 */
export function questionFromEvent(payload: EventCallback): SlackQuestion | null {
  const ev = payload.event
  if (!ev || typeof ev !== 'object') return null
  const isMention = ev.type === 'app_mention'
  const isDm = ev.type === 'message' && ev.channel_type === 'im'
  if (!isMention && !isDm) return null
  // Any bot (ours included) or subtype (bot_message, message_changed, channel_join…) is not a question.
  if (ev.bot_id || ev.subtype || !ev.user || !ev.channel || !ev.ts) return null
  const botUsers = (payload.authorizations ?? []).filter((a) => a.is_bot && a.user_id).map((a) => a.user_id!)
  if (botUsers.includes(ev.user)) return null
  return {
    team: payload.team_id ?? ev.team ?? '',
    channel: ev.channel,
    user: ev.user,
    ts: ev.ts,
    threadTs: ev.thread_ts ?? ev.ts,
    text: cleanSlackText(ev.text ?? '', botUsers),
    ...(payload.event_id ? { eventId: payload.event_id } : {}),
  }
}

/** Slack's message markup → plain text: drops the bot's mention, resolves other mentions, links and escapes. */
export function cleanSlackText(text: string, botUserIds: string[] = []): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => (botUserIds.length && !botUserIds.includes(id) ? `@${name ?? id}` : ''))
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<![^>]*>/g, '')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}
