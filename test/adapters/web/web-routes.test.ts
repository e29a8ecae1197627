import { gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { signWidgetToken, verifyWidgetToken } from '../../../src/auth/widget-token.js'
import { clientAsset } from '../../../src/adapters/web/bundle.js'
import { mermaidUrl } from '../../../src/adapters/web/vendor-routes.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'

const SECRET = 'web-routes-secret-0123456789abcdef'
const PORTAL = 'https://portal.acme.test'
const env = { WIDGET_SECRET: SECRET, WIDGET_ORIGINS: `${PORTAL},http://127.0.0.1:3000` }
type App = Awaited<ReturnType<typeof testApp>>['app']
const bearer = async (opts: { secret?: string; audience?: string } = {}) => ({ Authorization: `Bearer ${await signWidgetToken({ secret: opts.secret ?? SECRET, audience: opts.audience ?? 'churn-insight', sub: 'alice' })}` })
const ask = (headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ question: 'hi' }) })

describe('web routes with a widget secret and allow-list', () => {
  let app: App
  beforeAll(async () => {
    app = (await testApp(await tinyCompany(), scriptedModel([{ text: 'hello' }]), env)).app
  })

  it('/ : the shell page, not frameable, with hashed assets cached for a year', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    const html = await res.text()
    expect(html).toContain('data-mode="page"')
    expect(mermaidUrl).toMatch(/^\/vendor\/mermaid-\d+\.\d+\.\d+\/mermaid\.esm\.min\.mjs$/)
    expect(html).toContain(`data-mermaid="${mermaidUrl}"`)
    const js = /src="(\/assets\/app\.[0-9a-f]{12}\.js)"/.exec(html)![1]
    const asset = await app.request(js, { headers: { 'accept-encoding': 'gzip, br' } })
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await asset.arrayBuffer())).toString()).toContain('churn-insight:token')
    expect((await app.request('/assets/app.000000000000.js')).headers.get('cache-control')).toBe('no-cache')
    expect((await app.request('/assets/../package.json')).status).toBe(404)
  })

  it('/embed : frame-ancestors is the allow-list, no X-Frame-Options; other parents get 403', async () => {
    const ok = await app.request(`/embed?parent=${encodeURIComponent(PORTAL)}&lang=zh&title=${encodeURIComponent('<Churn> "help"')}`)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-security-policy')).toContain(`frame-ancestors ${PORTAL} http://127.0.0.1:3000`)
    expect(ok.headers.get('x-frame-options')).toBeNull()
    const html = await ok.text()
    expect(html).toContain(`data-parent="${PORTAL}"`)
    expect(html).toContain('<title>&lt;Churn&gt; &quot;help&quot;</title>')
    expect(html).toContain('<html lang="zh-CN">')
    for (const parent of ['https://evil.test', 'https://portal.acme.test.evil.test', '']) {
      const bad = await app.request(`/embed?parent=${encodeURIComponent(parent)}`)
      expect(bad.status).toBe(403)
      expect(await bad.text()).toContain('is not allowed to embed churn-insight')
    }
  })

  it('/widget.js : a small script portals can load cross-origin', async () => {
    const res = await app.request('/widget.js')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(await res.text()).toContain('/embed?')
  })

  it('CORS on /api/* answers allowed origins only', async () => {
    const pre = (origin: string) => app.request('/api/chat', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' } })
    const allowed = await pre(PORTAL)
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL)
    expect(allowed.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type')
    const denied = await pre('https://evil.test')
    expect(denied.headers.get('access-control-allow-origin')).toBeNull()
    const real = await app.request('/api/suggestions', { headers: { Origin: PORTAL, ...(await bearer()) } })
    expect(real.status).toBe(200)
    expect(real.headers.get('access-control-allow-origin')).toBe(PORTAL)
    expect(real.headers.get('access-control-expose-headers')).toBe('x-conversation-id')
    const evil = await app.request('/api/suggestions', { headers: { Origin: 'https://evil.test', ...(await bearer()) } })
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('/api/* needs a valid Bearer token: 401 {error:{code:"unauthorized"}} otherwise', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{}, /send "Authorization: Bearer <token>"/],
      [{ Authorization: 'Basic YWxpY2U6cHc=' }, /send "Authorization: Bearer <token>"/],
      [await bearer({ secret: 'forged-secret-0123456789abcdef' }), /token signature is invalid/],
      [await bearer({ audience: 'other-app' }), /token audience \(aud\) does not match/],
    ]
    for (const [headers, message] of cases) {
      const res = await app.request('/api/ask', ask(headers))
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="churn-insight"')
      const body = await res.json()
      expect(body.error.code).toBe('unauthorized')
      expect(body.error.message).toMatch(message)
    }
    for (const path of ['/api/chat', '/api/metrics', '/api/suggestions']) expect((await app.request(path, { method: path === '/api/chat' ? 'POST' : 'GET' })).status).toBe(401)
    const ok = await app.request('/api/ask', ask(await bearer()))
    expect(ok.status).toBe(200)
    expect((await ok.json()).answer).toBe('hello')
  })

  it('/session mints a 15-minute page token only for our own host and same-origin fetches', async () => {
    const res = await app.request('http://127.0.0.1:8787/session', { headers: { 'sec-fetch-site': 'same-origin' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const { token, expiresAt } = await res.json()
    const claims = await verifyWidgetToken(token, { secret: SECRET, audience: 'churn-insight' })
    expect(claims.sub).toBe('web-page')
    expect(claims.exp - claims.iat!).toBe(900)
    expect(Math.abs(expiresAt - claims.exp * 1000)).toBeLessThan(1000)
    expect((await app.request('http://attacker.test:8787/session')).status).toBe(403)
    expect((await app.request('http://localhost/session', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
  })

  it('/api/suggestions gives starters and dimension names in the asked language', async () => {
    const zh = await (await app.request('/api/suggestions?lang=zh', { headers: await bearer() })).json()
    expect(zh).toMatchObject({ lang: 'zh', company: 'Tiny', asOf: '2026-07-01' })
    expect(zh.starters[0]).toBe('最近12个月的客户流失率趋势如何？')
    expect(zh.starters[1]).toBe('上个季度按套餐的流失率是多少？')
    expect(zh.dimensions.map((d: { name: string }) => d.name)).toEqual(['套餐', '地区', '合同类型'])
    const en = await (await app.request('/api/suggestions', { headers: await bearer() })).json()
    expect(en.starters[0]).toBe('Show monthly churn rate for the last 12 months')
  })

  it('/vendor serves mermaid from node_modules with a year of cache, and nothing else', async () => {
    const base = mermaidUrl.replace(/mermaid\.esm\.min\.mjs$/, '')
    const ok = await app.request(mermaidUrl)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const body = await ok.text()
    const chunk = /"\.\/(chunks\/mermaid\.esm\.min\/[A-Za-z0-9_-]+\.mjs)"/.exec(body)![1]
    expect((await app.request(`${base}${chunk}`)).status).toBe(200)
    for (const p of [`${base}../package.json`, `${base}mermaid.js`, `${base}chunks/mermaid.esm.min/x.mjs.map`, `${base}chunks/../../package.json`, '/vendor/mermaid-11.0.0/mermaid.esm.min.mjs']) {
      expect((await app.request(p)).status).toBe(404)
    }
  })
})

describe('web routes without a secret (in-process use) and with the page turned off', () => {
  it('no secret: the API is open and /session says there is no token', async () => {
    const { app } = await testApp(await tinyCompany(), scriptedModel([{ text: 'open' }]))
    expect((await app.request('/api/ask', ask())).status).toBe(200)
    expect(await (await app.request('/session')).json()).toEqual({ token: null, expiresAt: null })
  })

  it('WEB_PAGE=off: / explains, /session refuses, widget tokens still work', async () => {
    const { app } = await testApp(await tinyCompany(), scriptedModel([{ text: 'widget only' }]), { ...env, WEB_PAGE: 'off' })
    const page = await app.request('/')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('The chat page is turned off on this server (WEB_PAGE=off)')
    const session = await app.request('/session')
    expect(session.status).toBe(403)
    expect((await session.json()).error.code).toBe('forbidden')
    expect((await app.request('/api/ask', ask(await bearer()))).status).toBe(200)
  })
})

describe('front-end size budget (gzip)', () => {
  it('widget.js < 2 KB, app.js < 16 KB, app.css < 3 KB', async () => {
    const [widget, js, css] = await Promise.all([clientAsset('widget.js'), clientAsset('app.js'), clientAsset('app.css')])
    console.log(`gzip bytes: widget.js ${widget.gzip.length}, app.js ${js.gzip.length}, app.css ${css.gzip.length}`)
    expect(widget.gzip.length).toBeLessThan(2 * 1024)
    expect(js.gzip.length).toBeLessThan(16 * 1024)
    expect(css.gzip.length).toBeLessThan(3 * 1024)
  })
})
