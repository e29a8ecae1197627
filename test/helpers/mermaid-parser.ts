import { JSDOM } from 'jsdom'

let parser: ((text: string) => Promise<unknown>) | undefined

/** mermaid's own parser, running in Node under a jsdom window (parsing needs no layout engine). */
export async function mermaidParse(text: string): Promise<unknown> {
  if (!parser) {
    const dom = new JSDOM('<!doctype html><html><body></body></html>')
    Object.assign(globalThis, { window: dom.window, document: dom.window.document })
    const mermaid = (await import('mermaid')).default
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
    parser = (t) => mermaid.parse(t)
  }
  return parser(text)
}
