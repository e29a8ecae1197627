import { z } from 'zod'

/** Data a principal may see: dimension id → allowed stored values (e.g. `{"region": ["APAC"]}`). */
export type Scope = Record<string, string[]>

/** Parses a scope from a token claim, a stored token or configuration; throws on anything but `{dim: [values]}`. */
export const scopeSchema = z.record(z.string().min(1).max(60), z.array(z.string().min(1).max(200)).min(1).max(50))

/** Who asks: every request has one. `local` is the in-process caller (CLI, tests without a secret). */
export type Principal = {
  /** Stable id conversations are owned by: `widget:<sub>`, `token:<name>`, `<platform>:<tenant>:<user>` (chat bots), `local`. */
  id: string
  kind: 'widget' | 'token' | 'bot' | 'local'
  /** Present when the principal may only see part of the data. */
  scope?: Scope
}

/** The in-process caller: the CLI, and createApp without a token secret. */
export const localPrincipal: Principal = { id: 'local', kind: 'local' }

/** A signed widget/API token's subject. */
export function widgetPrincipal(sub: string, scope?: Scope): Principal {
  return { id: `widget:${sub}`, kind: 'widget', ...(scope ? { scope } : {}) }
}

/**
 * A chat-platform user (Slack, Feishu, DingTalk, WeCom) within its tenant; the scope comes from
 * BOT_SCOPES (`platform:tenant:user`, or `platform:tenant:*` for the whole tenant).
 */
export function botPrincipal(platform: string, tenant: string, user: string, scopes: Record<string, Scope> = {}): Principal {
  const scope = scopes[`${platform}:${tenant}:${user}`] ?? scopes[`${platform}:${tenant}:*`]
  return { id: `${platform}:${tenant}:${user}`, kind: 'bot', ...(scope ? { scope } : {}) }
}

/** The scope as a short label: "region: APAC, EMEA; plan: Pro". */
export function scopeLabel(scope: Scope): string {
  return Object.entries(scope).map(([d, v]) => `${d}: ${v.join(', ')}`).join('; ')
}
