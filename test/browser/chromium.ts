import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's Chromium, installed by .ci/run. */
export const CHROMIUM = '/usr/bin/chromium'
/** Where screenshots go (git-ignored). */
export const ARTIFACTS = 'test-artifacts/browser'

/**
 * Whether browser tests run here. CI must have Chromium (the tests then fail loudly if it is
 * missing); on a developer machine without it they are skipped with a message saying why.
 */
export function browserTestsEnabled(): boolean {
  if (existsSync(CHROMIUM) || process.env.CI) return true
  console.warn(`Browser tests skipped: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk). In CI they fail instead.`)
  return false
}

/** Launches headless Chromium, or throws a message that says what to install. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk (.ci/run does) to run the browser tests`)
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
}

/** Saves a full-page screenshot as test-artifacts/browser/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = `${ARTIFACTS}/${name}.png`
  await page.screenshot({ path, fullPage: true })
  return path
}

/** Collects console errors and CSP violations, so a test can assert mermaid ran under our CSP. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    // Browsers request /favicon.ico on their own; the stand-in portal has none.
    if (m.location().url.endsWith('/favicon.ico')) return
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`${m.text()} (${m.location().url})`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  return problems
}
