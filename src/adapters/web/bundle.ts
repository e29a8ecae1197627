import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/** A built front-end file held in memory: body, gzip body, content hash and MIME type. */
export type Asset = { body: Uint8Array; gzip: Uint8Array; hash: string; type: string }

/** The front-end files, each built from one entry under ./client/. */
export const clientEntries = {
  'app.js': { entry: 'main.ts', format: 'esm', type: 'text/javascript; charset=utf-8' },
  'app.css': { entry: 'styles.css', format: undefined, type: 'text/css; charset=utf-8' },
  'widget.js': { entry: 'widget-loader.ts', format: 'iife', type: 'text/javascript; charset=utf-8' },
} as const
/** Names of the built front-end files. */
export type ClientAssetName = keyof typeof clientEntries

const clientDir = fileURLToPath(new URL('./client/', import.meta.url))
const built = new Map<ClientAssetName, Promise<Asset>>()

/**
 * Bundles one client file with esbuild, once per process (a few tens of ms), so nothing built is
 * committed and `npm start` needs no build step. A failed build is not cached: the next request retries.
 */
export function clientAsset(name: ClientAssetName): Promise<Asset> {
  let p = built.get(name)
  if (!p) {
    p = build(name)
    built.set(name, p)
    p.catch(() => built.delete(name))
  }
  return p
}

/** Starts building every client file in the background (the server calls this at start). */
export function warmClientAssets(): void {
  for (const name of Object.keys(clientEntries) as ClientAssetName[]) clientAsset(name).catch(() => {})
}

/** Wraps bytes as an Asset (also used for vendored files). */
export function toAsset(body: Uint8Array, type: string): Asset {
  return { body, gzip: gzipSync(body, { level: 9 }), hash: createHash('sha256').update(body).digest('hex').slice(0, 12), type }
}

async function build(name: ClientAssetName): Promise<Asset> {
  const spec = clientEntries[name]
  let esbuild: typeof import('esbuild')
  try {
    esbuild = await import('esbuild')
  } catch {
    throw new Error('esbuild is needed to build the web client (it ships with tsx); run npm install')
  }
  const result = await esbuild.build({
    entryPoints: [clientDir + spec.entry],
    bundle: true,
    write: false,
    minify: true,
    format: spec.format,
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  })
  return toAsset(result.outputFiles[0].contents, spec.type)
}
