import { loadAnswers, type StoredToolCall } from '../../chat/answer-store.js'
import type { ChatDeps } from '../../chat/chat-deps.js'
import { conversationChannel } from '../../chat/conversation-store.js'
import { BOT_PLATFORMS } from './bot-question.js'

/** One question and what was done to answer it: the text, and each tool call with its SQL and result rows. */
export type AnswerTurn = { n: number; question: string; answer: string; calls: StoredToolCall[] }

/** Most turns shown on a page. */
const MAX_TURNS = 10

/** Loads a bot conversation's latest answers with their stored provenance, oldest first; null when there is no such bot conversation. */
export async function loadAnswerTurns(chat: ChatDeps, conversationId: string): Promise<AnswerTurn[] | null> {
  // Only chat-platform conversations: web and widget conversations have their own access rules.
  const channel = await conversationChannel(chat.db, conversationId)
  if (!(BOT_PLATFORMS as readonly (string | undefined)[]).includes(channel)) return null
  const answers = await loadAnswers(chat.db, conversationId, MAX_TURNS)
  return answers.map((a) => ({ n: a.n, question: a.question, answer: a.answer, calls: a.toolCalls }))
}
