// jsdom ships no types and @types/jsdom lags its majors; tests only construct a window.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: Record<string, unknown>)
    readonly window: Window & typeof globalThis
  }
}
