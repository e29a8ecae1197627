import { describe, expect, it } from 'vitest'
import { buildLexicon, lexiconFor, type Sense } from '../../../src/model/offline/lexicon.js'
import { normalise } from '../../../src/model/offline/normalise.js'
import { recognise } from '../../../src/model/offline/recognise.js'
import { keyOf, toSurface } from '../../../src/model/offline/segment-zh.js'
import { catalogFixture } from './catalog-fixture.js'

const catalog = catalogFixture()
const lex = buildLexicon(catalog)
const senses = (phrase: string) => lex.entries.get(keyOf(normalise(phrase).text))
const label = (s: Sense) => (s.kind === 'role' ? `role:${s.role}` : s.kind === 'value' ? `value:${s.dim}=${s.value}` : `${s.kind}:${s.id}`)
// Recognised phrases of a question, as "key → sense/sense".
const read = (q: string) => {
  const n = normalise(q)
  return recognise(n.cased, lex).mentions.filter((m) => !m.senses.every((s) => s.kind === 'role' && s.role === 'filler')).map((m) => `${m.key} → ${m.senses.map(label).join('/')}`)
}

describe('lexicon', () => {
  it('is built from the catalog: metric, dimension and value names and synonyms in both languages', () => {
    expect(senses('churn rate')).toContainEqual({ kind: 'metric', id: 'churn_rate' })
    expect(senses('客户流失率')).toContainEqual({ kind: 'metric', id: 'churn_rate' })
    expect(senses('净收入留存率')).toContainEqual({ kind: 'metric', id: 'net_revenue_retention' })
    expect(senses('tier')).toContainEqual({ kind: 'dimension', id: 'plan' })
    expect(senses('区域')).toContainEqual({ kind: 'dimension', id: 'region' })
    expect(senses('北美')).toContainEqual({ kind: 'value', dim: 'region', value: 'North America', synonym: true })
    expect(senses('Enterprise')).toContainEqual({ kind: 'value', dim: 'plan', value: 'Enterprise', synonym: false })
    expect(senses('太贵')).toContainEqual({ kind: 'reason', id: 'price' })
  })

  it('adds plural and singular forms of English phrases', () => {
    expect(senses('regions')).toContainEqual({ kind: 'dimension', id: 'region' })
    expect(senses('churn rates')).toContainEqual({ kind: 'metric', id: 'churn_rate' })
  })

  it('leaves out stored values too generic to name themselves', () => {
    expect(senses('yes')).toBeUndefined()
    expect(senses('no')?.some((s) => s.kind === 'value')).toBeFalsy()
  })

  it('holds the fixed function words', () => {
    expect(senses('by')).toEqual([{ kind: 'role', role: 'by' }])
    expect(senses('按')).toEqual([{ kind: 'role', role: 'by' }])
    expect(senses('为什么')).toEqual([{ kind: 'role', role: 'why' }])
    expect(senses('vs')).toEqual([{ kind: 'role', role: 'compare' }])
  })

  it('is cached per catalog object', () => {
    expect(lexiconFor(catalog)).toBe(lexiconFor(catalog))
  })
})

describe('recognise (segmenter words + greedy longest match)', () => {
  it('matches the longest phrase on word boundaries', () => {
    expect(read('churn rate in North America by plan')).toEqual(['churn rate → metric:churn_rate', 'north america → value:region=North America', 'by → role:by', 'plan → dimension:plan'])
  })

  it('reads Chinese through Intl.Segmenter words joined into lexicon phrases', () => {
    expect(toSurface('上个季度各地区的流失率').tokens.map((t) => t.text)).toEqual(['上个', '季度', '各', '地区', '流失', '率'])
    expect(read('各地区的流失率是多少')).toEqual(['各 → role:by', '地区 → dimension:region', '流失率 → metric:churn_rate', '多少 → role:howMany'])
  })

  it('ignores the particle 的 inside phrases: 流失的客户 reads as 流失客户', () => {
    expect(read('流失的客户')).toEqual(['流失客户 → metric:churned_customers/role:churned'])
  })

  it('reads a verb and its noun split by a count as one compound (挽回了多少客户)', () => {
    expect(read('今年挽回了多少客户')).toContain('挽回客户 → metric:reactivated_customers')
  })

  it('needs capitals for one-word values of a dimension with many values, not for several words', () => {
    expect(read('churn in Industry')).toContain('industry → value:city=Industry')
    expect(read('churn in industry')).not.toContain('industry → value:city=Industry')
    expect(read('churn in san diego')).toContain('san diego → value:city=San Diego')
  })

  it('returns what it did not recognise', () => {
    const n = normalise('What is our marketing spend?')
    expect(recognise(n.cased, lex).unknown.map((t) => t.text)).toEqual(['marketing', 'spend'])
  })
})
