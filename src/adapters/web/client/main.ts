import { createApi } from './api.js'
import { startChatApp, type ChatAppHandle } from './chat-app.js'
import { pickLang, t, type Lang } from './i18n.js'
import { parentTokens, sessionTokens } from './tokens.js'

const LANG_KEY = 'churn-insight.lang'

// Storage can throw in a third-party iframe with storage blocked; language memory is optional.
function savedLang(): string | null {
  try {
    return localStorage.getItem(LANG_KEY)
  } catch {
    return null
  }
}
function saveLang(l: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, l)
  } catch {
    /* not remembered */
  }
}

/** Entry of /assets/app.js: starts the chat as the page at `/` or inside the widget iframe (`/embed`). */
function main(): void {
  const data = document.body.dataset
  const root = document.getElementById('app')!
  const lang = pickLang(data.lang, savedLang(), navigator.languages ?? [navigator.language])
  const mermaidUrl = data.mermaid ?? ''
  if (data.mode === 'embed') {
    const parent = data.parent ?? ''
    if (window.parent === window || !parent) {
      root.textContent = t(lang, 'notEmbedded')
      return
    }
    const close = () => window.parent.postMessage({ type: 'churn-insight:close' }, parent)
    // The loader sends a fresh token each time the panel is opened: a user who signed in meanwhile gets going.
    let app: ChatAppHandle | undefined
    const tokens = parentTokens(parent, (token) => token && app?.resume())
    app = startChatApp({ root, api: createApi(tokens), lang, mermaidUrl, title: document.title, onClose: close, saveLang })
  } else {
    startChatApp({ root, api: createApi(sessionTokens()), lang, mermaidUrl, title: 'churn-insight', saveLang })
  }
}

main()
