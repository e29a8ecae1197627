import { Hono } from 'hono'
import type { ChatDeps } from '../../chat/chat-deps.js'
import { loadAnswerTurns, type AnswerTurn } from './answer-turns.js'

/** Rows of a result shown on the page; the SQL is there for anyone who wants all of them. */
const MAX_ROWS = 40

/** The web address of a conversation's answers, optionally pointing at one turn. */
export function answerUrl(publicUrl: string, conversationId: string, turn?: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/answers/${encodeURIComponent(conversationId)}${turn ? `#turn-${turn}` : ''}`
}

/**
 * GET /answers/:conversationId — "How was this computed?": each question of a chat-platform (Slack, Feishu, DingTalk, WeCom) conversation with
 * its answer, the SQL that ran, the period, definition and result rows, as plain HTML.
 * The conversation id is a random UUID, so the link works as a capability, like a shared-document link.
 */
export function answerPageRoutes(chat: ChatDeps) {
  const app = new Hono()
  app.get('/answers/:conversationId', async (c) => {
    const id = c.req.param('conversationId')
    const turns = /^[A-Za-z0-9_:.-]{1,100}$/.test(id) ? await loadAnswerTurns(chat, id) : null
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Robots-Tag', 'noindex')
    c.header('Cache-Control', 'private, no-store')
    if (!turns) return c.html(page('Not found', '<p>No chat answer with this id.</p>'), 404)
    const note = '<p class="note">Each answer lists the tool calls behind it: their input, the period and churn definition, the SQL that ran and the rows the answer used.</p>'
    return c.html(page('How was this computed?', note + turns.map(turnHtml).join('\n')))
  })
  return app
}

function turnHtml(t: AnswerTurn): string {
  const calls = t.calls.map((call) => {
    const period = (call.period as { label?: string } | undefined)?.label
    const facts = [period && `<dt>Period</dt><dd>${esc(period)}</dd>`, call.definition && `<dt>Definition</dt><dd>${esc(call.definition)}</dd>`, `<dt>Rows</dt><dd>${call.rowCount}</dd>`, call.error && `<dt>Error</dt><dd>${esc(call.error)}</dd>`]
    return `<section class="call"><h3>${esc(call.name)}</h3><pre>${esc(JSON.stringify(call.input, null, 2))}</pre><dl>${facts.filter(Boolean).join('')}</dl>
${call.sql.map((s) => `<h4>SQL</h4><pre>${esc(s)}</pre>`).join('\n')}
${call.rows.length ? `<h4>Result rows</h4>${rowsHtml(call.rows)}` : ''}</section>`
  })
  return `<article id="turn-${t.n}"><h2>${esc(t.question)}</h2><div class="answer">${esc(t.answer)}</div>${calls.join('\n')}</article>`
}

function rowsHtml(rows: Array<Record<string, unknown>>): string {
  const keys = [...new Set(rows.slice(0, MAX_ROWS).flatMap((r) => Object.keys(r)))]
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))
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
