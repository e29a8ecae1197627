import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core'
import { signWidgetToken } from '../../src/auth/widget-token.js'
import { valueLabel } from '../../src/catalog/value-label.js'
import { sampleDimensions } from '../../src/db/sample/sample-dimensions.js'
import { sampleDb } from '../fixtures/sample-db.js'
import { testApp } from '../helpers/test-app.js'
import { ARTIFACTS, browserTestsEnabled, launchChromium, screenshot, watchConsole } from './chromium.js'
import { portalPage, serveApp, servePortal, type Running } from './servers.js'

// The real thing: the default offline model over the sample company, the app on one 127.0.0.1 port,
// a portal page on another (a different origin) embedding the widget.
const SECRET = 'browser-test-secret-0123456789abcdef'
const timings: Record<string, number> = {}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Asks in the chat UI (page or iframe) and waits for the finished answer. */
async function ask(ui: Page | FrameLocator, question: string, nth: number): Promise<Locator> {
  const started = Date.now()
  await ui.locator('#q').fill(question)
  await ui.locator('#q').press('Enter')
  const answer = ui.locator('article.msg.bot').nth(nth)
  await answer.locator('.md > :first-child').waitFor({ timeout: 15_000 })
  timings[`${question} · first text (wall clock)`] = Date.now() - started
  await ui.locator(`article.msg.bot[aria-busy="false"]`).nth(nth).waitFor({ timeout: 15_000 })
  timings[`${question} · first text (in page)`] = Number(await answer.getAttribute('data-first-text-ms'))
  return answer
}

/** The answer's "How was this computed?" disclosure, opened. */
async function openDisclosure(answer: Locator): Promise<string> {
  await answer.locator('details.how summary').click()
  return answer.locator('details.how').innerText()
}

describe.runIf(browserTestsEnabled())('web chat and widget in headless Chromium', () => {
  let browser: Browser
  let app: Running
  let portal: Running
  // What the answers must show, read from the metrics API (not hard-coded sample numbers).
  let months: string[] = []
  let plans: string[] = []
  // The stand-in portal's session for /token-later: signed out until the test signs in.
  let signedIn = false
  const token = (opts: { secret?: string; agoMinutes?: number } = {}) =>
    signWidgetToken({ secret: opts.secret ?? SECRET, audience: 'churn-insight', sub: 'alice@acme.test', minutes: 15, now: Date.now() - (opts.agoMinutes ?? 0) * 60_000 })

  beforeAll(async () => {
    const [b, db] = await Promise.all([launchChromium(), sampleDb()])
    browser = b
    let appOrigin = ''
    portal = await servePortal({
      '/valid': () => ({ type: 'text/html', body: portalPage(appOrigin, { 'token-endpoint': '/token', title: 'Churn assistant', lang: 'en' }) }),
      '/token': async () => ({ type: 'application/json', body: JSON.stringify({ token: await token() }) }),
      '/forged': async () => ({ type: 'text/html', body: portalPage(appOrigin, { token: await token({ secret: 'someone-elses-secret-0123456789' }), title: 'Churn assistant', lang: 'en' }) }),
      '/expired': async () => ({ type: 'text/html', body: portalPage(appOrigin, { token: await token({ agoMinutes: 20 }), title: 'Churn assistant', lang: 'zh' }) }),
      '/later': () => ({ type: 'text/html', body: portalPage(appOrigin, { 'token-endpoint': '/token-later', title: 'Churn assistant', lang: 'en' }) }),
      '/token-later': async () => ({ type: 'application/json', body: JSON.stringify({ token: signedIn ? await token() : null }) }),
    })
    const { app: hono } = await testApp(db, undefined, { WIDGET_SECRET: SECRET, WIDGET_ORIGINS: portal.origin })
    const headers = { Authorization: `Bearer ${await token()}` }
    const trend = await (await hono.request('/api/metrics/churn_rate?grain=month&period=last_n_months&n=12', { headers })).json()
    months = trend.rows.map((r: { period: string }) => r.period)
    const catalog = await (await hono.request('/api/metrics', { headers })).json()
    plans = catalog.dimensions.find((d: { id: string }) => d.id === 'plan').values
    app = await serveApp(hono.fetch)
    appOrigin = app.origin
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await portal?.close()
    writeFileSync(`${ARTIFACTS}/timings.json`, JSON.stringify(timings, null, 2))
    console.log('browser timings (ms):', timings)
  })

  it('widget on another origin: launcher, token by postMessage, English and Chinese answers with chart and SQL', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const problems = watchConsole(page)
    await page.goto(`${portal.origin}/valid`)
    await page.locator('button.launcher').click()
    const chat = page.frameLocator('iframe[title="Churn assistant"]')
    await chat.locator('.welcome .chip').first().waitFor()

    const en = await ask(chat, 'Show monthly churn rate for the last 12 months', 0)
    const enText = await en.locator('.md').innerText()
    expect(months).toHaveLength(12)
    expect(enText).toMatch(/churn rate/i)
    expect(enText).toMatch(new RegExp(`${escapeRe(months[0])}\\D{1,3}\\d+(\\.\\d+)?%`))
    const enChart = en.locator('figure.chart svg')
    await enChart.waitFor()
    expect(await enChart.getAttribute('aria-roledescription')).toBe('xychart')
    const enChartText = await en.locator('figure.chart').innerText()
    for (const m of months) expect(enChartText).toContain(m)
    const how = await openDisclosure(en)
    expect(how).toContain('query_metric')
    expect(how).toMatch(/Period\s+\S/)
    expect(how).toMatch(/Churn definition\s+\S/)
    expect(await en.locator('details.how pre.sql').first().innerText()).toMatch(/^\s*with\b|select\b/i)
    await screenshot(page, 'widget-en-answer')

    const zh = await ask(chat, '上个季度按套餐的流失率是多少？', 1)
    const zhText = await zh.locator('.md').innerText()
    expect(zhText).toMatch(/流失率/)
    expect(plans.length).toBeGreaterThan(1)
    // Chinese answers name values in Chinese (Growth → 成长版); the chart keeps the stored values.
    const planDim = sampleDimensions().find((d) => d.id === 'plan')
    for (const plan of plans) expect(zhText).toMatch(new RegExp(`${escapeRe(valueLabel(planDim, plan, 'zh'))}\\D{1,3}\\d+(\\.\\d+)?%`))
    await zh.locator('figure.chart svg').waitFor()
    const zhChartText = await zh.locator('figure.chart').innerText()
    for (const plan of plans) expect(zhChartText).toContain(plan)
    expect(await openDisclosure(zh)).toMatch(/"by": \["plan"\]/)
    expect(await zh.locator('.follow-ups .chip').count()).toBeGreaterThan(0)
    await screenshot(page, 'widget-zh-answer')
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)

  it('widget with a forged, expired or missing token shows the sign-in message (API 401); signing in and reopening recovers', async () => {
    for (const [path, signIn] of [['/forged', 'Please sign in'], ['/expired', '请先登录']] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      const statuses: number[] = []
      page.on('response', (r) => r.url().includes('/api/') && statuses.push(r.status()))
      await page.goto(`${portal.origin}${path}`)
      await page.locator('button.launcher').click()
      const notice = page.frameLocator('iframe[title="Churn assistant"]').locator('.notice.signin')
      await notice.waitFor()
      expect(await notice.innerText()).toContain(signIn)
      expect(statuses).toContain(401)
      expect(statuses.every((s) => s === 401)).toBe(true)
      await screenshot(page, `widget-signin${path.replace('/', '-')}`)
      await page.close()
    }

    // Signed out on the portal: sign-in message; after signing in, reopening the panel carries on.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${portal.origin}/later`)
    const launcher = page.locator('button.launcher')
    await launcher.click()
    const chat = page.frameLocator('iframe[title="Churn assistant"]')
    await chat.locator('.notice.signin').waitFor()
    signedIn = true
    await launcher.click()
    await launcher.click()
    await chat.locator('.welcome .chip').first().waitFor()
    expect(await chat.locator('.notice.signin').isHidden()).toBe(true)
    expect(await chat.locator('#q').isEnabled()).toBe(true)
    await page.close()
  }, 30_000)

  it('chat page at / on a phone: browser language, switching, CSV download, unreachable server', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    const problems = watchConsole(page)
    await page.goto(`${app.origin}/`)
    await page.locator('.welcome .chip').first().waitFor()
    expect(await page.locator('.intro').innerText()).toContain('客户为什么流失')
    await page.locator('button.lang').click()
    await page.locator('.welcome .chip', { hasText: 'Show monthly churn rate' }).waitFor()
    expect(await page.locator('.intro').innerText()).toMatch(/^Ask why customers leave/)

    await page.locator('.welcome .chip', { hasText: 'Show monthly churn rate' }).click()
    const answer = page.locator('article.msg.bot').first()
    await page.locator('article.msg.bot[aria-busy="false"]').first().waitFor({ timeout: 15_000 })
    await answer.locator('figure.chart svg').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), answer.locator('button.csv').click()])
    expect(download.suggestedFilename()).toMatch(/^churn_rate_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n')
    expect(csv[0]).toMatch(/^period,value,/)
    expect(csv.filter((l) => /^\d{4}-\d{2},\d/.test(l))).toHaveLength(12)
    await openDisclosure(answer)
    await screenshot(page, 'page-phone-answer')

    await page.route('**/api/chat', (route) => route.abort('connectionrefused'))
    await page.locator('#q').fill('Why are customers leaving?')
    await page.locator('button.send').click()
    const error = page.locator('article.msg.bot.failed .error')
    await error.waitFor()
    expect(await error.innerText()).toContain('Cannot reach the churn-insight server')
    await screenshot(page, 'page-phone-unreachable')

    // The stream itself reports a failure (model or tool crashed after the response started).
    const sse = ['{"type":"start"}', '{"type":"error","errorText":"The answer failed: model timed out"}'].map((d) => `data: ${d}\n\n`).join('') + 'data: [DONE]\n\n'
    await page.unroute('**/api/chat')
    await page.route('**/api/chat', (route) => route.fulfill({ status: 200, contentType: 'text/event-stream', body: sse }))
    await page.locator('#q').fill('What is our net revenue retention this year?')
    await page.locator('#q').press('Enter')
    const failed = page.locator('article.msg.bot.failed .error').nth(1)
    await failed.waitFor()
    expect(await failed.innerText()).toContain('The answer failed: model timed out')
    expect(await failed.locator('button.retry').count()).toBe(1)
    expect(problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(p))).toEqual([])
    await context.close()
  }, 45_000)
})
