import { describe, expect, it } from 'vitest'
import { chineseWords, classifyReason } from '../../src/catalog/classify-reason.js'
import { expandKeywords } from '../../src/catalog/expand-keywords.js'

describe('English: whole words and phrases', () => {
  it('counts distinct keywords per reason and picks the most', () => {
    expect(classifyReason('The price increase was too much for our budget')).toEqual({ id: 'price', score: 3, keywords: ['price', 'too much', 'price increase'] })
    expect(classifyReason('We moved to another vendor').id).toBe('competitor') // competitor 2 ('moved to', 'another vendor') beats business_change 1 ('moved')
    expect(classifyReason('Slow response from support, every time').keywords).toEqual(['support', 'slow response'])
  })
  it('needs word boundaries: "costume" is not "cost", "fee_waiver" is not "fee"', () => {
    expect(classifyReason('The costume party was fun').id).toBe('other')
    expect(classifyReason('fee_waiver requested').id).toBe('other')
    expect(classifyReason('An extra FEE appeared').id).toBe('price')
  })
  it('matches phrases across any whitespace and curly apostrophes', () => {
    expect(classifyReason('It doesn\u2019t   support SSO').keywords).toContain("doesn't support")
  })
  it('returns other with score 0 when nothing matches', () => {
    expect(classifyReason('Love it')).toEqual({ id: 'other', score: 0, keywords: [] })
  })
})

describe('Chinese: Intl.Segmenter words, not characters', () => {
  it("'服务' is support, but '服务器' (server) is not — a per-character match would say support", () => {
    expect(classifyReason('服务很好').id).toBe('support')
    const server = classifyReason('服务器经常宕机，数据丢失')
    expect(server).toEqual({ id: 'product_quality', score: 2, keywords: ['宕机', '丢失'] })
    expect('服务器'.includes('服务')).toBe(true)
    expect(classifyReason('服务器').id).toBe('other')
  })
  it("'贵公司' (your company) is not '贵' (expensive)", () => {
    expect(classifyReason('贵公司的服务').keywords).toEqual(['服务'])
    expect(chineseWords('贵公司的服务')).toEqual(['贵公司', '的', '服务'])
  })
  it('joins adjacent segments into keyword phrases and splits glued particles/adverbs', () => {
    expect(chineseWords('价格太贵了，性价比不高')).toEqual(['价格', '太贵', '了', '性价比', '不高'])
    expect(classifyReason('价格太贵了，性价比不高').keywords).toEqual(['价格', '太贵', '性价比'])
    expect(classifyReason('客服响应太慢，工单等了一周')).toMatchObject({ id: 'support', score: 4 })
    expect(classifyReason('紧急问题打电话也没人理。').keywords).toEqual(['没人理'])
    expect(classifyReason('我们换成了别家的产品').keywords).toEqual(['换成', '别家'])
  })
  it('matches Latin keywords inside Chinese text', () => {
    expect(classifyReason('产品有bug，经常崩溃')).toMatchObject({ id: 'product_quality', keywords: ['bug', '崩溃'] })
  })
})

describe('keyword expansion for search', () => {
  it('expands a reason id, name or keyword to all its keywords in both languages', () => {
    const byId = expandKeywords(['price'])
    expect(byId.expansions).toEqual({ price: ['price'] })
    expect(byId.terms).toEqual(expect.arrayContaining(['price', 'expensive', '太贵', '涨价']))
    expect(new Set(expandKeywords(['价格']).terms)).toEqual(new Set(byId.terms))
    expect(byId.terms).toHaveLength(24) // 14 English + 10 Chinese price keywords, 'price' counted once
    expect(expandKeywords(['Support and service']).expansions).toEqual({ 'Support and service': ['support'] })
  })
  it('keeps other words as they are, lower-cased', () => {
    expect(expandKeywords(['Refund', ' 耐心 '])).toEqual({ terms: ['refund', '耐心'], expansions: {} })
  })
})
