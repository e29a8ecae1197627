import { Hono, type Context } from 'hono'
import type { Config } from '../../config.js'
import { isAllowedOrigin } from '../../auth/origins.js'
import { AppError } from '../../errors.js'
import { IMMUTABLE, sendAsset } from './asset-response.js'
import { clientAsset, type ClientAssetName } from './bundle.js'
import { pageHeaders } from './page-headers.js'
import { messageHtml, shellHtml, type ShellOptions } from './page-html.js'
import { mermaidUrl } from './vendor-routes.js'

const langOf = (v: string | undefined): ShellOptions['lang'] => (v === 'en' || v === 'zh' ? v : 'auto')

/** GET / (the chat page), GET /embed (the widget's iframe page), GET /widget.js and the hashed /assets/*. */
export function pageRoutes(config: Config) {
  const app = new Hono()
  const assetUrls = async () => {
    const [js, css] = await Promise.all([clientAsset('app.js'), clientAsset('app.css')])
    return { appJs: `/assets/app.${js.hash}.js`, appCss: `/assets/app.${css.hash}.css` }
  }

  app.get('/', async (c) => {
    if (config.web.page === 'off') {
      const lines = ['The chat page is turned off on this server (WEB_PAGE=off): use churn-insight through the widget in your portal.', 'An administrator can set WEB_PAGE=open, ideally behind the company sign-in proxy, because the page lets whoever can open it ask questions.']
      return c.body(messageHtml('churn-insight', lines), 200, pageHeaders('deny'))
    }
    const shell = shellHtml({ mode: 'page', lang: langOf(c.req.query('lang')), title: 'churn-insight', mermaidUrl, ...(await assetUrls()) })
    return c.body(shell, 200, pageHeaders('deny'))
  })

  app.get('/embed', async (c) => {
    const parent = c.req.query('parent')
    const headers = pageHeaders({ embedders: config.widget.origins })
    if (!isAllowedOrigin(parent, config.widget.origins)) {
      const lines = [`This site (${parent || 'unknown origin'}) is not allowed to embed churn-insight.`, 'An administrator can add its origin to WIDGET_ORIGINS.']
      return c.body(messageHtml('churn-insight', lines), 403, headers)
    }
    const title = (c.req.query('title') ?? '').trim().slice(0, 60) || 'churn-insight'
    const shell = shellHtml({ mode: 'embed', lang: langOf(c.req.query('lang')), title, mermaidUrl, parent: new URL(parent!).origin, ...(await assetUrls()) })
    return c.body(shell, 200, headers)
  })

  app.get('/widget.js', async (c) => {
    const res = sendAsset(c, await clientAsset('widget.js'), 'public, max-age=300')
    // Portals load the loader cross-origin; let it through a host page's Cross-Origin-Embedder-Policy.
    res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin')
    return res
  })

  app.get('/assets/:file', async (c) => serveHashed(c, c.req.param('file')))
  return app
}

async function serveHashed(c: Context, file: string): Promise<Response> {
  const m = /^(app)\.([0-9a-f]{12})\.(js|css)$/.exec(file)
  if (!m) throw new AppError('not_found', `No asset ${file}`)
  const asset = await clientAsset(`${m[1]}.${m[3]}` as ClientAssetName)
  // An old hash (page cached across a restart) gets the current file uncached rather than a 404.
  return sendAsset(c, asset, asset.hash === m[2] ? IMMUTABLE : 'no-cache')
}
