import { Hono, type Context } from 'hono'
import { signAnswerLink, verifyAnswerLink } from '../../auth/answer-link.js'
import { verifyApiToken, API_TOKEN_PREFIX } from '../../auth/api-tokens.js'
import { widgetPrincipal, type Principal } from '../../auth/principal.js'
import { verifyWidgetToken } from '../../auth/widget-token.js'
import type { ChatDeps } from '../../chat/chat-deps.js'
import type { Config } from '../../config.js'
import { canAccess, conversationOwner } from '../../chat/conversation-store.js'
import { maskText } from '../../privacy/mask-pii.js'
import { loadAnswerTurns, type AnswerTurn } from './answer-turns.js'

/** Who may open an answer page: the chat's token secret, and how long the links posted into Slack live. */
export type AnswerPageAccess = { secret?: string; audience: string; linkHours: number }

/** The answer page's access rule from configuration. */
export function answerPageAccess(config: Config): AnswerPageAccess {
  return { secret: config.widget.secret, audience: config.widget.audience, linkHours: config.answerLinkHours }
}

/** Rows of a result shown on the page; the SQL is there for anyone who wants all of them. */
const MAX_ROWS = 40

/** The web address of a conversation's answers, optionally pointing at one turn; signed and short-lived when a secret is set. */
export function answerUrl(publicUrl: string, conversationId: string, turn?: number, access?: AnswerPageAccess): string {
  const link = access?.secret ? signAnswerLink(access.secret, conversationId, access.linkHours) : null
  const query = link ? `?exp=${link.exp}&sig=${link.sig}` : ''
  return `${publicUrl.replace(/\/+$/, '')}/answers/${encodeURIComponent(conversationId)}${query}${turn ? `#turn-${turn}` : ''}`
}

// The chat's own sign-in: a Bearer widget token or API token whose principal may access the conversation.
async function signedInPrincipal(c: Context, chat: ChatDeps, access: AnswerPageAccess): Promise<Principal | null> {
  const token = /^Bearer[ \t]+(\S+)$/.exec(c.req.header('authorization') ?? '')?.[1]
  if (!token || !access.secret) return null
  if (token.startsWith(API_TOKEN_PREFIX)) return verifyApiToken(chat.db, token)
  try {
    const claims = await verifyWidgetToken(token, { secret: access.secret, audience: access.audience })
    return widgetPrincipal(claims.sub, claims.scope)
  } catch {
    return null
  }
}

async function mayView(c: Context, chat: ChatDeps, access: AnswerPageAccess, id: string): Promise<boolean> {
  // No secret: the in-process app of tests and the CLI, where /api/* is open too.
  if (!access.secret) return true
  if (verifyAnswerLink(access.secret, id, c.req.query('exp'), c.req.query('sig'))) return true
  const principal = await signedInPrincipal(c, chat, access)
  const conv = principal ? await conversationOwner(chat.db, id) : undefined
  return !!principal && !!conv && canAccess(conv.owner, principal)
}

/**
 * GET /answers/:conversationId — "How was this computed?": each question of a chat-platform (Slack, Feishu, DingTalk, WeCom) conversation with
 * its answer, the SQL that ran, the period, definition and aggregate result rows, as plain HTML.
 * Access: the signed, short-lived link the bot posts (`?exp=&sig=`), or the chat's own sign-in
 * (Bearer token of a principal that may access the conversation). No customer rows are shown, and
 * personal data is masked unless PII=show.
 */
export function answerPageRoutes(chat: ChatDeps, access: AnswerPageAccess = { audience: 'churn-insight', linkHours: 24 }) {
  const app = new Hono()
  app.get('/answers/:conversationId', async (c) => {
    const id = c.req.param('conversationId')
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Robots-Tag', 'noindex')
    c.header('Cache-Control', 'private, no-store')
    const wellFormed = /^[A-Za-z0-9_:.-]{1,100}$/.test(id)
    if (wellFormed && !(await mayView(c, chat, access, id))) {
      return c.html(page('Sign-in required', '<p>This link has expired or is not valid. Ask the question again in the chat for a fresh link, or sign in to the chat.</p>'), 401)
    }
    const turns = wellFormed ? await loadAnswerTurns(chat, id) : null
    if (!turns) return c.html(page('Not found', '<p>No chat answer with this id.</p>'), 404)
    const show = chat.pii === 'show' ? (s: string) => s : maskText
    const note = '<p class="note">Each answer lists the tool calls behind it: their input, the period and churn definition, the SQL that ran and the aggregate rows the answer used.</p>'
    return c.html(page('How was this computed?', note + turns.map((t) => turnHtml(t, show)).join('\n')))
  })
  return app
}

function turnHtml(t: AnswerTurn, show: (s: string) => string): string {
  const calls = t.calls.map((call) => {
    const period = (call.period as { label?: string } | undefined)?.label
    const facts = [period && `<dt>Period</dt><dd>${esc(period)}</dd>`, call.definition && `<dt>Definition</dt><dd>${esc(call.definition)}</dd>`, `<dt>Rows</dt><dd>${call.rowCount}</dd>`, call.error && `<dt>Error</dt><dd>${esc(call.error)}</dd>`]
    return `<section class="call"><h3>${esc(call.name)}</h3><pre>${esc(JSON.stringify(call.input, null, 2))}</pre><dl>${facts.filter(Boolean).join('')}</dl>
${call.sql.map((s) => `<h4>SQL</h4><pre>${esc(s)}</pre>`).join('\n')}
${call.rows.length ? `<h4>Result rows</h4>${rowsHtml(call.rows, show)}` : ''}</section>`
  })
  return `<article id="turn-${t.n}"><h2>${esc(show(t.question))}</h2><div class="answer">${esc(show(t.answer))}</div>${calls.join('\n')}</article>`
}

function rowsHtml(rows: Array<Record<string, unknown>>, show: (s: string) => string): string {
  // Per-customer fields never reach the page, even from answers stored before they were dropped.
  const keys = [...new Set(rows.slice(0, MAX_ROWS).flatMap((r) => Object.keys(r)))].filter((k) => k !== 'customerId' && k !== 'customer_id')
  const cell = (v: unknown) => show(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))
  const more = rows.length > MAX_ROWS ? `<p>${rows.length - MAX_ROWS} more rows not shown.</p>` : ''
  return tableHtml(keys, rows.slice(0, MAX_ROWS).map((r) => keys.map((k) => cell(r[k])))) + more
}

function tableHtml(header: string[], rows: string[][]): string {
  return `<table><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('')}</table>`
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)} · churn-insight</title>
<style>body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2937}article{border-top:1px solid #e5e7eb;padding:1rem 0}.answer{white-space:pre-wrap}pre{background:#f3f4f6;padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-word;font-size:13px}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #e5e7eb;padding:.2rem .5rem;text-align:left}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}.note{color:#6b7280}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}
