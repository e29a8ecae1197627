import { ApiError, type Api, type Suggestions } from './api.js'
import { AnswerView } from './answer-view.js'
import { loadMermaid } from './charts.js'
import { followBottom, h } from './dom.js'
import { followUps } from './follow-ups.js'
import { t, type Lang } from './i18n.js'
import { readUIChunks } from './sse.js'

/** How the app is hosted: the page at `/` or the widget's iframe (which has a close button). */
export type ChatAppOptions = { root: HTMLElement; api: Api; lang: Lang; mermaidUrl: string; title: string; onClose?: () => void; saveLang(l: Lang): void }

/** What the host of the app can do after start. */
export type ChatAppHandle = { /** A new token arrived: leave the signed-out state and reload the starters. */ resume(): void }

/** The chat UI: header, message log with starters, notice area and the question form. */
export function startChatApp(o: ChatAppOptions): ChatAppHandle {
  let lang = o.lang
  let conversationId: string | undefined
  let suggestions: Suggestions | null = null
  let busy = false
  let signedOut = false
  const asked: string[] = []

  const sub = h('span', { class: 'sub' })
  const langBtn = h('button', { type: 'button', class: 'lang', onclick: () => switchLang() })
  const closeBtn = o.onClose ? h('button', { type: 'button', class: 'close', onclick: o.onClose }, '×') : null
  const intro = h('p', { class: 'intro' })
  const startersTitle = h('h2', {})
  const chips = h('div', { class: 'chips' })
  const welcome = h('section', { class: 'welcome' }, intro, startersTitle, chips)
  const notice = h('div', { class: 'notice', role: 'alert', hidden: true })
  const log = h('main', { class: 'log', role: 'log', 'aria-live': 'polite', tabindex: '-1' }, notice, welcome)
  const input = h('textarea', { id: 'q', rows: 1, maxlength: 2000, autocomplete: 'off', enterkeyhint: 'send' })
  const label = h('label', { for: 'q', class: 'sr-only' })
  const send = h('button', { type: 'submit', class: 'send' })
  const form = h('form', { class: 'ask' }, label, input, send)
  o.root.replaceChildren(h('header', { class: 'bar' }, h('div', { class: 'brand' }, h('strong', {}, o.title), sub), langBtn, closeBtn), log, form)

  function paint(): void {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
    sub.textContent = suggestions ? `${suggestions.company} · ${t(lang, 'dataAsOf', { date: suggestions.asOf })}` : ''
    langBtn.textContent = t(lang, 'switchLang')
    langBtn.setAttribute('aria-label', t(lang, 'switchLangLabel'))
    closeBtn?.setAttribute('aria-label', t(lang, 'close'))
    intro.textContent = t(lang, 'intro')
    startersTitle.textContent = t(lang, 'starters')
    startersTitle.hidden = !suggestions?.starters.length
    chips.replaceChildren(...(suggestions?.starters ?? []).map((q) => h('button', { type: 'button', class: 'chip', onclick: () => ask(q) }, q)))
    input.placeholder = t(lang, 'placeholder')
    label.textContent = t(lang, 'inputLabel')
    send.textContent = t(lang, 'send')
  }

  function showNotice(kind: 'signin' | 'error', text: string): void {
    notice.hidden = false
    notice.className = `notice ${kind}`
    notice.replaceChildren(...(kind === 'signin' ? [h('strong', {}, t(lang, 'signInTitle')), h('br')] : []), text)
    if (kind === 'signin') {
      signedOut = true
      welcome.hidden = true
      form.classList.add('disabled')
      input.disabled = true
    }
  }

  function explain(e: unknown): string {
    if (e instanceof ApiError && e.kind === 'unreachable') return t(lang, 'unreachable')
    return t(lang, 'failed', { why: e instanceof Error && e.message ? e.message : String(e) })
  }

  async function loadSuggestions(): Promise<void> {
    try {
      suggestions = await o.api.suggestions(lang)
      notice.hidden = true
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'unauthorized') showNotice('signin', t(lang, 'signIn'))
      else showNotice('error', e instanceof ApiError && e.kind === 'failed' ? t(lang, 'sessionFailed', { why: e.message }) : explain(e))
    }
    paint()
  }

  function switchLang(): void {
    lang = lang === 'en' ? 'zh' : 'en'
    o.saveLang(lang)
    paint()
    void loadSuggestions()
  }

  async function ask(question: string): Promise<void> {
    const q = question.trim()
    if (!q || busy) return
    busy = true
    send.disabled = true
    asked.push(q)
    void loadMermaid(o.mermaidUrl).catch(() => {})
    const view = new AnswerView(lang, o.mermaidUrl, performance.now())
    log.append(h('article', { class: 'msg user' }, h('span', { class: 'sr-only' }, `${t(lang, 'you')}: `), q), view.el)
    // The user just asked: show the question and the answer area even if they had scrolled up.
    log.scrollTop = log.scrollHeight
    try {
      const res = await o.api.chat(q, conversationId)
      conversationId = res.headers.get('x-conversation-id') ?? conversationId
      let failure: string | null = null
      for await (const c of readUIChunks(res.body!)) {
        if (c.type === 'data-conversation') conversationId = String((c.data as { id?: string })?.id ?? conversationId)
        // The server's text may already start with "The answer failed:"; the UI adds its own prefix.
        else if (c.type === 'error') failure = String(c.errorText ?? '').replace(/^The answer failed:\s*/, '')
        else followBottom(log, () => view.handle(c))
      }
      if (failure !== null) view.fail(t(lang, 'failed', { why: failure }), () => void ask(q))
      else {
        view.finish()
        view.showFollowUps(followUps({ lang, last: view.lastCall(), dimensions: suggestions?.dimensions ?? [], starters: suggestions?.starters ?? [], asked }), (f) => void ask(f))
      }
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'unauthorized') {
        view.fail(t(lang, 'signIn'))
        showNotice('signin', t(lang, 'signIn'))
      } else view.fail(e instanceof TypeError ? t(lang, 'unreachable') : explain(e), () => void ask(q))
    } finally {
      busy = false
      send.disabled = false
      followBottom(log, () => {})
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault()
    // While an answer streams, keep what the user typed instead of dropping it.
    if (busy || !input.value.trim()) return
    const q = input.value
    input.value = ''
    input.style.height = ''
    void ask(q)
  })
  input.addEventListener('keydown', (e) => {
    // Enter sends; Shift+Enter is a new line; never send while an IME is composing Chinese text.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault()
      form.requestSubmit()
    }
  })
  input.addEventListener('input', () => {
    input.style.height = ''
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`
  })
  if (o.onClose) document.addEventListener('keydown', (e) => e.key === 'Escape' && o.onClose!())

  paint()
  void loadSuggestions().then(() => signedOut || input.focus({ preventScroll: true }))
  return {
    resume() {
      if (!signedOut) return
      signedOut = false
      welcome.hidden = false
      form.classList.remove('disabled')
      input.disabled = false
      void loadSuggestions()
    },
  }
}
