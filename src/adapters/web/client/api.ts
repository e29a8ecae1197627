import { SessionError, type TokenSource } from './tokens.js'

/** Why a request failed, as the UI explains it: no connection, not signed in, or the server said no. */
export class ApiError extends Error {
  constructor(readonly kind: 'unreachable' | 'unauthorized' | 'failed', message = '') {
    super(message)
  }
}

/** Starter questions and dimension names for one language (GET /api/suggestions). */
export type Suggestions = { lang: string; company: string; asOf: string; starters: string[]; dimensions: Array<{ id: string; name: string }> }

/** The server API with the Bearer token attached; a refused token is renewed once before giving up. */
export function createApi(tokens: TokenSource) {
  async function token(): Promise<string | null> {
    try {
      return await tokens.get()
    } catch (e) {
      if (e instanceof SessionError) throw new ApiError('failed', e.message)
      throw new ApiError('unreachable')
    }
  }

  async function send(path: string, init: RequestInit = {}, retried = false): Promise<Response> {
    const t = await token()
    if (!t && tokens.required) throw new ApiError('unauthorized')
    let res: Response
    try {
      res = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), ...(t ? { Authorization: `Bearer ${t}` } : {}) } })
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e
      throw new ApiError('unreachable')
    }
    if (res.ok) return res
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    if (res.status === 401) {
      if (!retried) {
        await tokens.renew().catch(() => null)
        return send(path, init, true)
      }
      throw new ApiError('unauthorized', body?.error?.message ?? '')
    }
    // A gateway error without our JSON body means the app itself is down or restarting.
    if (!body?.error && res.status >= 502 && res.status <= 504) throw new ApiError('unreachable')
    throw new ApiError('failed', body?.error?.message ?? `HTTP ${res.status}`)
  }

  return {
    /** Starter questions in `lang`. */
    async suggestions(lang: string): Promise<Suggestions> {
      return (await send(`/api/suggestions?lang=${encodeURIComponent(lang)}`)).json() as Promise<Suggestions>
    },
    /** Asks a question; the response body is the UI message stream. */
    chat(question: string, conversationId: string | undefined, signal?: AbortSignal): Promise<Response> {
      const body = { ...(conversationId ? { id: conversationId } : {}), messages: [{ id: `u${Date.now()}`, role: 'user', parts: [{ type: 'text', text: question }] }] }
      return send('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal })
    },
  }
}

/** The API client type. */
export type Api = ReturnType<typeof createApi>
