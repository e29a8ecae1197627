/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

/** What the shell page tells the client script (read from data- attributes on <body>). */
export type ShellOptions = {
  mode: 'page' | 'embed'
  lang: 'en' | 'zh' | 'auto'
  title: string
  appJs: string
  appCss: string
  mermaidUrl: string
  /** The embedding portal's origin, already checked against the allow-list (embed mode only). */
  parent?: string
}

/** The HTML shell of `/` and `/embed`: the client script builds the UI into #app. */
export function shellHtml(o: ShellOptions): string {
  const data = { mode: o.mode, lang: o.lang, mermaid: o.mermaidUrl, ...(o.parent ? { parent: o.parent } : {}) }
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('')
  return `<!doctype html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<link rel="stylesheet" href="${escapeHtml(o.appCss)}">
<script type="module" src="${escapeHtml(o.appJs)}"></script>
</head>
<body${attrs}>
<div id="app" class="app app-${o.mode}"><noscript>churn-insight needs JavaScript. · 请启用 JavaScript。</noscript></div>
</body>
</html>
`
}

/** A plain page with one message (the chat page turned off, a portal not on the allow-list). */
export function messageHtml(title: string, lines: string[]): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:40rem;color:#1f2933">
<h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
</body>
</html>
`
}
