/** Bound on one platform API call: answers are posted in the background, so failing beats hanging. */
export const API_TIMEOUT_MS = 15_000

/** Calls a platform's JSON API; throws on a non-2xx status (the body goes to the log, not to users). */
export async function fetchJson<T>(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; form?: FormData } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET'),
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...init.headers },
    body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    redirect: 'error',
    signal: AbortSignal.timeout(API_TIMEOUT_MS),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${new URL(url).pathname} answered HTTP ${res.status}: ${text.slice(0, 200)}`)
  return (text ? JSON.parse(text) : {}) as T
}

/**
 * Caches an access token until shortly before it expires (Feishu, DingTalk and WeCom tokens last about
 * two hours and their token endpoints are rate-limited); concurrent callers share one fetch.
 */
export function cachedToken(fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>): () => Promise<string> {
  let current: { token: string; until: number } | null = null
  let pending: Promise<string> | null = null
  return () => {
    if (current && current.until > Date.now()) return Promise.resolve(current.token)
    pending ??= fetchToken()
      .then((t) => {
        // Renew five minutes early so a token never expires between the check and the call.
        current = { token: t.token, until: Date.now() + Math.max(0, t.expiresInSeconds - 300) * 1000 }
        return t.token
      })
      .finally(() => { pending = null })
    return pending
  }
}
