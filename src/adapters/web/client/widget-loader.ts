// /widget.js: the one script a portal adds. It draws a launcher button (in a shadow root, so
// the portal's CSS cannot reach it), opens our /embed page in an iframe, and hands the iframe a token.
const MSG = 'churn-insight:'

type Options = { tokenEndpoint?: string; token?: string; lang: string; position: 'left' | 'right'; title: string; open: boolean }

const css = `
:host{all:initial}
.launcher{position:fixed;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;background:#1d4ed8;color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer;display:grid;place-items:center}
.launcher:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.panel{position:fixed;bottom:88px;z-index:2147483000;width:min(420px,calc(100vw - 24px));height:min(680px,calc(100vh - 110px));border-radius:12px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3);background:#fff}
.panel[hidden]{display:none}
.panel iframe{border:0;width:100%;height:100%;display:block}
.right{right:20px}.left{left:20px}
@media (max-width:480px){.panel{inset:0;width:100vw;height:100vh;border-radius:0}.launcher.open{display:none}}
`
const icon = '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/><path d="M8 13l2.5-2.5 2 2L16 9"/></svg>'

function readOptions(script: HTMLScriptElement): Options {
  const d = script.dataset
  return {
    tokenEndpoint: d.tokenEndpoint,
    token: d.token,
    lang: d.lang === 'en' || d.lang === 'zh' ? d.lang : 'auto',
    position: d.position === 'left' ? 'left' : 'right',
    title: (d.title ?? 'churn-insight').slice(0, 60),
    open: d.open === 'true',
  }
}

// The portal's back end mints tokens; the endpoint answers {"token": "..."} or the bare token.
async function fetchToken(o: Options): Promise<string | null> {
  if (!o.tokenEndpoint) return o.token ?? null
  try {
    const res = await fetch(o.tokenEndpoint, { credentials: 'include', headers: { Accept: 'application/json' } })
    if (!res.ok) return null
    const text = (await res.text()).trim()
    const token = text.startsWith('{') ? (JSON.parse(text) as { token?: unknown }).token : text
    return typeof token === 'string' && token ? token : null
  } catch {
    return null
  }
}

function start(script: HTMLScriptElement): void {
  const o = readOptions(script)
  const ours = new URL(script.src).origin
  const host = document.createElement('div')
  host.setAttribute('data-churn-insight', '')
  const root = host.attachShadow({ mode: 'open' })
  const style = document.createElement('style')
  style.textContent = css
  const launcher = document.createElement('button')
  launcher.type = 'button'
  launcher.className = `launcher ${o.position}`
  launcher.setAttribute('aria-label', o.title)
  launcher.setAttribute('aria-expanded', 'false')
  launcher.innerHTML = icon
  const panel = document.createElement('div')
  panel.className = `panel ${o.position}`
  panel.hidden = true
  panel.setAttribute('role', 'dialog')
  panel.setAttribute('aria-label', o.title)
  root.append(style, launcher, panel)
  document.body.append(host)
  let frame: HTMLIFrameElement | null = null
  let isOpen = false

  const sendToken = async () => {
    const token = await fetchToken(o)
    frame?.contentWindow?.postMessage({ type: `${MSG}token`, token }, ours)
  }
  const setOpen = (open: boolean, focus = true) => {
    // Re-opening hands over a fresh token (the user may have signed in since, or the old one expired).
    if (open && frame && !isOpen) void sendToken()
    // Created on first open, so portals pay nothing for the chat until someone uses it.
    if (open && !frame) {
      frame = document.createElement('iframe')
      frame.title = o.title
      const q = new URLSearchParams({ parent: location.origin, lang: o.lang, title: o.title })
      frame.src = `${ours}/embed?${q}`
      panel.append(frame)
    }
    isOpen = open
    panel.hidden = !open
    launcher.setAttribute('aria-expanded', String(open))
    launcher.classList.toggle('open', open)
    if (!focus) return
    if (open) frame!.focus()
    else launcher.focus()
  }
  launcher.addEventListener('click', () => setOpen(!isOpen))

  window.addEventListener('message', async (e) => {
    // Only our iframe, from our origin, in the shape we expect.
    if (!frame || e.source !== frame.contentWindow || e.origin !== ours) return
    const type = (e.data as { type?: unknown } | null)?.type
    if (type === `${MSG}ready` || type === `${MSG}token-request`) await sendToken()
    else if (type === `${MSG}close`) setOpen(false)
  })
  // Opened by the page itself: do not pull keyboard focus away from what the user is doing.
  if (o.open) setOpen(true, false)
  ;(window as unknown as { churnInsight?: object }).churnInsight = { open: () => setOpen(true), close: () => setOpen(false) }
}

const script = document.currentScript as HTMLScriptElement | null
if (script?.src) {
  if (document.body) start(script)
  else document.addEventListener('DOMContentLoaded', () => start(script))
}
