/** Attributes for h(): strings become attributes, functions become event listeners (`on…`). */
export type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>

/** Creates an element; children are nodes or text (always text nodes, never parsed as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null | undefined | false>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v)
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c)
  return el
}

/** Keeps the newest content in view while the user is at the bottom of the log (not while they read older answers). */
export function followBottom(log: HTMLElement, update: () => void): void {
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48
  update()
  if (atBottom) log.scrollTop = log.scrollHeight
}
