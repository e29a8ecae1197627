import { chromium } from 'playwright-core'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
const require = createRequire('/work/main/package.json')
const t0 = Date.now()
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
console.log('launch', Date.now() - t0)
const p = await b.newPage({ deviceScaleFactor: 2, viewport: { width: 800, height: 600 } })
await p.setContent('<html><body style="margin:0;background:#fff"><div id="c"></div></body></html>')
await p.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') })
console.log('script', Date.now() - t0)
const src = `xychart-beta\n  title "客户流失率 · 2026年第一季度"\n  x-axis ["一月", "二月", "三月"]\n  y-axis "%" 0 --> 40\n  line [0, 33.33, 33.33]`
const r = await p.evaluate(async (src) => {
  const m = (window as any).mermaid
  m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', themeVariables: { fontFamily: '"Noto Sans CJK SC", sans-serif' } })
  const { svg } = await m.render('g1', src)
  document.getElementById('c')!.innerHTML = svg
  return svg.length
}, src)
console.log('render', Date.now() - t0, r)
const png = await p.locator('#c svg').screenshot()
writeFileSync('/tmp/slackproto/a.png', png)
console.log('shot', Date.now() - t0, png.length)
await b.close()
