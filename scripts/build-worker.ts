/**
 * `npm run build:worker`: bundles src/worker.ts for Cloudflare Workers into dist/worker.js
 * (wrangler.toml points at it, no_bundle). Node-only modules the Worker never calls are replaced
 * by stubs that throw if reached: better-sqlite3 and pg (D1 is the database there), playwright-core
 * and @resvg/resvg-js (chart PNGs), esbuild (the web page's client is built on Node only), the
 * Feishu/DingTalk long-connection SDKs and the xlsx reader (import).
 * The system prompt, read from disk on Node, is inlined.
 */
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const root = join(fileURLToPath(import.meta.url), '../..')
const stubbed = ['better-sqlite3', 'pg', 'playwright-core', 'esbuild', '@resvg/resvg-js', 'dingtalk-stream', '@larksuiteoapi/node-sdk', 'read-excel-file/node']

const stubs: esbuild.Plugin = {
  name: 'worker-stubs',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${stubbed.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`) }, (a) => ({ path: a.path, namespace: 'stub' }))
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => ({
      contents: `const fail = () => { throw new Error(${JSON.stringify(`${a.path} is not available on Cloudflare Workers`)}) }
        const stub = new Proxy(fail, { get: (_t, k) => (k === '__esModule' ? false : stub), apply: fail, construct: fail })
        export default stub
        export const chromium = stub, build = stub, Pool = stub, Resvg = stub, readSheet = stub
        export const DWClient = stub, EventAck = stub, TOPIC_ROBOT = 'stub', EventDispatcher = stub, LoggerLevel = stub, WSClient = stub, Client = stub`,
      loader: 'js',
    }))
    // CommonJS dependencies require() Node built-ins, which an ES module bundle cannot do at run time:
    // hand them the runtime's module through an import instead (what wrangler does for nodejs_compat).
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
    b.onResolve({ filter: /^[a-z:_/]+$/ }, (a) => (a.kind === 'require-call' && builtins.has(a.path) ? { path: a.path.replace(/^(node:)?/, 'node:'), namespace: 'node-require' } : undefined))
    b.onLoad({ filter: /.*/, namespace: 'node-require' }, (a) => ({ contents: `import m from ${JSON.stringify(a.path)}; module.exports = m;`, loader: 'js' }))
    // The web page's vendored mermaid is read from node_modules on Node; a Worker serves the API
    // only, so its vendor routes are empty (the page itself needs the Node server's client build).
    b.onLoad({ filter: /src[\\/]adapters[\\/]web[\\/]vendor-routes\.ts$/ }, () => ({
      contents: `import { Hono } from 'hono'
        export const mermaidUrl = '/vendor/mermaid.esm.min.mjs'
        export function vendorRoutes() { return new Hono() }`,
      loader: 'ts',
      resolveDir: join(root, 'src/adapters/web'),
    }))
    // The prompt template is a file next to the sources on Node; a Worker has no such file.
    b.onLoad({ filter: /src[\\/]chat[\\/]system-prompt\.ts$/ }, (a) => {
      const source = readFileSync(a.path, 'utf8')
      const prompt = readFileSync(join(root, 'prompts/system.md'), 'utf8')
      const inlined = source.replace(/readFileSync\(fileURLToPath\(new URL\('\.\.\/\.\.\/prompts\/system\.md', import\.meta\.url\)\), 'utf8'\)/, JSON.stringify(prompt))
      if (inlined === source) throw new Error('system-prompt.ts no longer reads prompts/system.md as expected: update scripts/build-worker.ts')
      return { contents: inlined, loader: 'ts' }
    })
  },
}

/** Builds dist/worker.js; returns its path. */
export async function buildWorker(outfile = join(root, 'dist/worker.js')): Promise<string> {
  await esbuild.build({
    entryPoints: [join(root, 'src/worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser', 'import'],
    mainFields: ['browser', 'module', 'main'],
    // Node built-ins come from the runtime (compatibility flag nodejs_compat).
    external: ['node:*', ...builtinModules],
    define: { 'import.meta.url': JSON.stringify('file:///worker/worker.js') },
    plugins: [stubs],
    logLevel: 'warning',
  })
  return outfile
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`built ${await buildWorker()}`)
}
