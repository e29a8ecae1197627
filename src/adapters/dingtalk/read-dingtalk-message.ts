/** A robot message as the HTTP callback and Stream mode deliver it (the fields this bot reads). */
export type DingTalkMessage = {
  msgId?: string
  msgtype?: string
  text?: { content?: string }
  conversationId?: string
  conversationType?: string
  chatbotCorpId?: string
  senderCorpId?: string
  senderId?: string
  senderStaffId?: string
  sessionWebhook?: string
  sessionWebhookExpiredTime?: number
}

/** A question from DingTalk: who asked, where to reply (the session webhook) and the cleaned text. */
export type DingTalkQuestion = { msgId: string; tenant: string; user: string; conversationId: string; group: boolean; webhook: string; text: string }

/**
 * The question in a robot message, or null when there is none to answer: text messages with a live
 * session webhook. In groups DingTalk delivers only messages that @-mention the robot, with the mention removed.
 */
export function questionFromDingTalk(m: DingTalkMessage, nowMs = Date.now()): DingTalkQuestion | null {
  if (m.msgtype !== 'text' || !m.msgId || !m.conversationId || !m.sessionWebhook) return null
  if (m.sessionWebhookExpiredTime && m.sessionWebhookExpiredTime < nowMs) return null
  return {
    msgId: m.msgId,
    tenant: m.senderCorpId ?? m.chatbotCorpId ?? '',
    user: m.senderStaffId || m.senderId || '',
    conversationId: m.conversationId,
    group: m.conversationType === '2',
    webhook: m.sessionWebhook,
    text: (m.text?.content ?? '').replace(/\s+/g, ' ').trim(),
  }
}
