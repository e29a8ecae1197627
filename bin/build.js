// Transpiles src/**/*.ts to .build/src/**/*.js with esbuild (no bundling, so every module keeps its
// path and its import.meta.url neighbours: prompts/, data/ and the web client sources are linked in).
// Runs on `npm install` (prepare) and whenever a source file is newer than the last build.
import { build } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const out = join(root, '.build')
const stampFile = join(out, 'stamp.json')
// The web client is bundled from its TypeScript sources at server start; it is linked, not transpiled.
const clientDir = join('src', 'adapters', 'web', 'client')

function sources(dir = join(root, 'src')) {
  const files = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) { if (relative(root, full) !== clientDir) files.push(...sources(full)) }
    else if (name.endsWith('.ts')) files.push(full)
  }
  return files
}

/** The newest modification time among the files a build depends on (src/, prompts/). */
function newest() {
  let max = 0
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      const s = statSync(full)
      if (s.isDirectory()) walk(full)
      else if (s.mtimeMs > max) max = s.mtimeMs
    }
  }
  walk(join(root, 'src'))
  return max
}

/** True when .build is missing or older than a source file. */
export function isStale() {
  if (!existsSync(stampFile)) return true
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')).newest < newest()
  } catch {
    return true
  }
}

/** Builds .build/ from src/. */
export async function buildAll() {
  const stamp = newest()
  rmSync(out, { recursive: true, force: true })
  await build({ entryPoints: sources(), outdir: join(out, 'src'), outbase: join(root, 'src'), platform: 'node', format: 'esm', target: 'node20', supported: { 'import-attributes': true }, sourcemap: 'inline', logLevel: 'error' })
  mkdirSync(join(out, dirname(clientDir)), { recursive: true })
  symlinkSync(join(root, clientDir), join(out, clientDir), 'dir')
  symlinkSync(join(root, 'prompts'), join(out, 'prompts'), 'dir')
  symlinkSync(join(root, 'data'), join(out, 'data'), 'dir')
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n')
  writeFileSync(stampFile, JSON.stringify({ newest: stamp }))
}

/** Builds only when needed; returns the path of a built module. */
export async function ensureBuilt(modulePath) {
  if (isStale()) await buildAll()
  return join(out, modulePath)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildAll()
