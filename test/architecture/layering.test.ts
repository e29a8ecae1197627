import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The layering rules of the architecture, checked over the real import graph of src/.
const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return name === 'client' ? [] : tsFiles(full)
    return name.endsWith('.ts') ? [full] : []
  })
}

/** Every relative import of a file, as a path under src/ ("query/run-metric.ts"). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1])
  return specs.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).replace(/\.js$/, '.ts'))
}

const graph = tsFiles(SRC).map((f) => ({ file: path.relative(SRC, f), imports: importsOf(f) }))
const layer = (p: string) => p.split(path.sep)[0].replace(/\.ts$/, '')

type Rule = { name: string; from: (p: string) => boolean; forbidden: (target: string) => boolean }
const rules: Rule[] = [
  { name: 'catalog/ imports only catalog/', from: (p) => layer(p) === 'catalog', forbidden: (t) => layer(t) !== 'catalog' },
  { name: 'time/ imports only time/, catalog/ and errors', from: (p) => layer(p) === 'time', forbidden: (t) => !['time', 'catalog', 'errors'].includes(layer(t)) },
  { name: 'model/ never imports query/ or db/', from: (p) => layer(p) === 'model', forbidden: (t) => ['query', 'db'].includes(layer(t)) },
  { name: 'adapters/ never import query/ or db/', from: (p) => layer(p) === 'adapters', forbidden: (t) => ['query', 'db'].includes(layer(t)) },
  {
    name: 'the core never imports an adapter',
    from: (p) => !['adapters', 'app', 'index', 'cli'].includes(layer(p)),
    forbidden: (t) => layer(t) === 'adapters',
  },
]

describe('layering', () => {
  it('finds the source files and their imports', () => {
    expect(graph.length).toBeGreaterThan(100)
    expect(graph.find((g) => g.file === path.join('query', 'run-metric.ts'))?.imports).toContain(path.join('catalog', 'metrics.ts'))
  })
  for (const rule of rules) {
    it(rule.name, () => {
      const violations = graph.filter((g) => rule.from(g.file)).flatMap((g) => g.imports.filter(rule.forbidden).map((t) => `${g.file} → ${t}`))
      expect(violations).toEqual([])
    })
  }
})
