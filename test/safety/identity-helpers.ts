import type { LanguageModelV4 } from '@ai-sdk/provider'
import { createServerLog } from '../../src/audit/server-log.js'
import { signWidgetToken } from '../../src/auth/widget-token.js'
import type { Db } from '../../src/db/open-database.js'
import { testApp } from '../helpers/test-app.js'

/** The token secret the hostile-input tests run with (auth on, as in production). */
export const SECRET = 'test-secret-0123456789abcdef'

/** A signed widget token for `sub`, optionally with a scope claim. */
export function tokenFor(sub: string, scope?: Record<string, string[]>): Promise<string> {
  return signWidgetToken({ secret: SECRET, audience: 'churn-insight', sub, minutes: 10, ...(scope ? { scope } : {}) })
}

/** JSON POST with a Bearer token. */
export function postAs(token: string | null, body: unknown, extra: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra }, body: JSON.stringify(body) }
}

/** The JSON events of a UI message stream body. */
export async function uiEvents(res: Response): Promise<any[]> {
  return (await res.text()).split('\n').filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]').map((l) => JSON.parse(l.slice(6)))
}

/** The streamed answer text of a UI message stream. */
export function streamedText(events: any[]): string {
  return events.filter((e) => e.type === 'text-delta').map((e) => e.delta).join('')
}

/**
 * The app with auth on (WIDGET_SECRET), and the server log captured: every line the log would
 * print is in `logged`, after redaction.
 */
export async function secureApp(db: Db, model?: LanguageModelV4, env: Record<string, string> = {}) {
  const t = await testApp(db, model, { WIDGET_SECRET: SECRET, ...env })
  const logged: string[] = []
  t.deps.chat.log = createServerLog('error', [env.OPENAI_API_KEY, SECRET], (l) => logged.push(l))
  return { ...t, logged }
}
