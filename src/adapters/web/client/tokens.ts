/** Where the client gets its Bearer token; `null` from the page source means the server runs without auth. */
export type TokenSource = {
  /** True when requests must carry a token (the widget); the page may run against a server without auth. */
  required: boolean
  /** A token good for at least another minute, fetching one if needed. */
  get(): Promise<string | null>
  /** A fresh token after the server refused the current one. */
  renew(): Promise<string | null>
}

/** The token could not be obtained for a reason the server stated (e.g. the page is turned off). */
export class SessionError extends Error {}

const jwtShape = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/

/** Seconds-since-epoch expiry of a JWT, read without verifying (only to refresh in time), or 0. */
export function tokenExpiry(token: string): number {
  try {
    const b64 = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
    const exp = (JSON.parse(atob(b64)) as { exp?: unknown }).exp
    return typeof exp === 'number' ? exp : 0
  } catch {
    return 0
  }
}
const fresh = (token: string | null) => !!token && tokenExpiry(token) * 1000 > Date.now() + 60_000

/** The chat page's tokens: GET /session (same origin), renewed a minute before they expire. */
export function sessionTokens(): TokenSource {
  let loaded = false
  let token: string | null = null
  let pending: Promise<string | null> | null = null
  const renew = () => {
    pending ??= (async () => {
      try {
        const res = await fetch('/session', { cache: 'no-store' })
        const body = (await res.json().catch(() => null)) as { token?: string | null; error?: { message?: string } } | null
        if (!res.ok) throw new SessionError(body?.error?.message ?? `HTTP ${res.status}`)
        token = typeof body?.token === 'string' && jwtShape.test(body.token) ? body.token : null
        loaded = true
        return token
      } finally {
        pending = null
      }
    })()
    return pending
  }
  return {
    required: false,
    get: () => (loaded && (token === null || fresh(token)) ? Promise.resolve(token) : renew()),
    renew,
  }
}

/** A message from the widget loader carrying a token (or null: the portal has none for this user). */
export function isTokenMessage(d: unknown): d is { type: 'churn-insight:token'; token: string | null } {
  if (!d || typeof d !== 'object') return false
  const m = d as { type?: unknown; token?: unknown }
  return m.type === 'churn-insight:token' && (m.token === null || (typeof m.token === 'string' && m.token.length < 4096 && jwtShape.test(m.token)))
}

/**
 * The widget's tokens, handed over by the loader on the portal page with postMessage. Messages count
 * only if they come from the portal origin the server checked and from our direct parent window.
 */
export function parentTokens(parentOrigin: string, onToken: (token: string | null) => void = () => {}, waitMs = 8000): TokenSource {
  let token: string | null = null
  let received = false
  let waiters: Array<(t: string | null) => void> = []
  window.addEventListener('message', (e) => {
    if (e.origin !== parentOrigin || e.source !== window.parent || !isTokenMessage(e.data)) return
    token = e.data.token
    received = true
    const ws = waiters
    waiters = []
    for (const w of ws) w(token)
    onToken(token)
  })
  const ask = (type: 'ready' | 'token-request') => window.parent.postMessage({ type: `churn-insight:${type}` }, parentOrigin)
  const renew = () =>
    new Promise<string | null>((resolve) => {
      waiters.push(resolve)
      setTimeout(() => resolve(null), waitMs)
      ask('token-request')
    })
  // Announce ourselves once; the loader answers with the first token.
  const first = new Promise<string | null>((resolve) => {
    waiters.push(resolve)
    setTimeout(() => resolve(null), waitMs)
  })
  ask('ready')
  return {
    required: true,
    get: async () => {
      const t = received ? token : await first
      // null: the portal has no token for this user (signed out); an expired one: ask the portal again.
      return t === null || fresh(t) ? t : renew()
    },
    renew,
  }
}
