import { AppError } from '../errors.js'
import type { Scope } from '../auth/principal.js'

/** Languages answers and messages are written in. */
export type Lang = 'en' | 'zh'

/** The short message a user sees when an answer failed; the details stay in the server log under `ref`. */
export function answerFailed(lang: Lang, ref: string): AppError {
  const message = lang === 'zh'
    ? `服务器未能完成回答。请重试；如果仍然失败，请把参考编号 ${ref} 告诉管理员。`
    : `The answer failed on the server. Please try again; if it keeps failing, give an administrator the reference ${ref}.`
  return new AppError('answer_failed', message, undefined, { ref })
}

/** 429: the principal asked too often. */
export function rateLimited(lang: Lang, retryAfter: number): AppError {
  const message = lang === 'zh' ? `提问太频繁，请 ${retryAfter} 秒后再试。` : `Too many questions: please wait ${retryAfter} seconds and ask again.`
  return new AppError('rate_limited', message, undefined, { retryAfter })
}

/** 404 for a conversation id that does not exist or belongs to someone else (the same answer for both). */
export function conversationNotFound(lang: Lang): AppError {
  const message = lang === 'zh' ? '没有找到属于您的这个对话；不带对话编号即可开始新对话。' : 'No conversation with this id for you; leave the id out to start a new conversation.'
  return new AppError('not_found', message)
}

/** What a tool returns to the model when its query failed for a reason only the server log may hold. */
export function toolFailed(lang: Lang, ref: string): { error: { code: string; message: string } } {
  return { error: { code: 'internal', message: lang === 'zh' ? `查询在服务器上失败了（参考编号 ${ref}）。` : `The query failed on the server (reference ${ref}).` } }
}

/** The first line of an answer the offline analyst gave because the model failed or timed out. */
export function fallbackNotice(lang: Lang): string {
  return lang === 'zh'
    ? '（AI 模型暂时无法回答，以下由内置的离线分析器回答。）'
    : '(The AI model could not answer just now, so the built-in offline analyst answered.)'
}

/** The last line of a scoped answer: "Within your scope: APAC." / "范围：APAC。" */
export function scopeNotice(scope: Scope, lang: Lang): string {
  const values = Object.values(scope).flat()
  return lang === 'zh' ? `范围：${values.join('、')}。` : `Within your scope: ${values.join(', ')}.`
}
