import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { ChartRenderer } from './chart-renderer.js'
import type { ChartSpec } from './chart-spec.js'
import { chartTheme } from './chart-theme.js'
import { toMermaid } from './to-mermaid.js'

/** Debian's Chromium; with fonts-noto-cjk installed, Chinese labels render as glyphs instead of boxes. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Tunables: the browser binary, a bound on one render (cold start included) and how long an idle browser lives. */
export type RendererOptions = { executablePath?: string; timeoutMs?: number; idleMs?: number; log?: (msg: string) => void }

const FONT = chartTheme.fontFamily
const PALETTE = chartTheme.palette.join(', ')

/** True when the Chromium binary exists (checked before every launch, so a missing browser costs nothing). */
export function chromiumAvailable(path = CHROMIUM_PATH): boolean {
  return existsSync(path)
}

/**
 * Renders charts with mermaid in headless Chromium via playwright-core. One browser and one page
 * (with mermaid's 5 MB browser build loaded once) are reused; renders are serialised on that page.
 */
export function createChartRenderer(opts: RendererOptions = {}): ChartRenderer {
  const executablePath = opts.executablePath ?? CHROMIUM_PATH
  const timeoutMs = opts.timeoutMs ?? 20_000
  const idleMs = opts.idleMs ?? 5 * 60_000
  let session: Promise<{ browser: Browser; page: Page }> | null = null
  let queue: Promise<unknown> = Promise.resolve()
  let idle: ReturnType<typeof setTimeout> | undefined

  const close = async () => {
    const s = session
    session = null
    if (s) await s.then((x) => x.browser.close()).catch(() => {})
  }
  const open = () => (session ??= launch(executablePath).catch((e) => { session = null; throw e }))

  async function renderOnce(spec: ChartSpec): Promise<Buffer> {
    const { page } = await open()
    const svgLength = await page.evaluate(async (src) => {
      const w = window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }
      const { svg } = await w.mermaid.render(`chart${Date.now()}`, src)
      const box = document.getElementById('chart')!
      box.innerHTML = svg
      // Some diagram types ignore useMaxWidth and emit width="100%", which shrinks inside an inline-block
      // to 300×150; pin the SVG to its viewBox size instead.
      const el = box.querySelector('svg')
      const vb = el?.viewBox.baseVal
      if (el && vb && vb.width > 0) {
        el.setAttribute('width', String(vb.width))
        el.setAttribute('height', String(vb.height))
        el.style.maxWidth = 'none'
      }
      return svg.length
    }, toMermaid(spec))
    if (!svgLength) throw new Error('mermaid produced an empty chart')
    return page.locator('#chart').screenshot({ type: 'png', timeout: timeoutMs })
  }

  return {
    async render(spec) {
      if (!chromiumAvailable(executablePath)) return null
      clearTimeout(idle)
      const run = queue.then(() => withTimeout(renderOnce(spec), timeoutMs))
      queue = run.catch(() => {})
      try {
        return await run
      } catch (e) {
        opts.log?.(`chart render failed: ${e instanceof Error ? e.message : String(e)}`)
        // A timed-out page may be wedged: start from a fresh browser next time.
        await close()
        return null
      } finally {
        clearTimeout(idle)
        idle = setTimeout(() => void close(), idleMs)
        idle.unref?.()
      }
    },
    close: async () => {
      clearTimeout(idle)
      await queue
      await close()
    },
  }
}

async function launch(executablePath: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'], timeout: 15_000 })
  try {
    const page = await browser.newPage({ viewport: { width: 760, height: 480 }, deviceScaleFactor: 2, javaScriptEnabled: true })
    // Charts need nothing from the network; refuse every request so labels can't make the page fetch anything.
    await page.route('**/*', (route) => route.abort())
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}#chart{display:inline-block;padding:16px 24px 12px 12px;background:#fff;font-family:${FONT}}</style></head><body><div id="chart"></div></body></html>`)
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') })
    await page.evaluate(([fontFamily, palette]) => {
      const w = window as unknown as { mermaid: { initialize(c: unknown): void } }
      w.mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: 'base',
        fontFamily,
        themeVariables: { fontFamily, primaryColor: '#dbeafe', xyChart: { plotColorPalette: palette, backgroundColor: '#ffffff' } },
        xyChart: { width: 720, height: 400 },
        pie: { useMaxWidth: false },
      })
    }, [FONT, PALETTE] as const)
    return { browser, page }
  } catch (e) {
    await browser.close().catch(() => {})
    throw e
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms) })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}
