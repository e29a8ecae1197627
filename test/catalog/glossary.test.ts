import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { glossaryMarkdown } from '../../src/catalog/glossary.js'
import { metrics } from '../../src/catalog/metrics.js'

describe('catalog', () => {
  it('README glossary is the catalog glossary (regenerate with `npx churn-insight glossary`)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const section = readme.split('<!-- glossary:start -->')[1]?.split('<!-- glossary:end -->')[0]?.trim()
    expect(section).toBe(glossaryMarkdown())
  })
  it('defines each metric once, with English and Chinese names and synonyms', () => {
    const ids = metrics.map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const m of metrics) {
      expect(m.name.en && m.name.zh && m.formula && m.formulaZh, m.id).toBeTruthy()
      expect(m.synonyms.en.length, m.id).toBeGreaterThan(0)
      expect(m.synonyms.zh.length, m.id).toBeGreaterThan(0)
      expect(m.description.endsWith('.'), m.id).toBe(true)
    }
  })
})
