import { describe, expect, it } from 'vitest'
import { detectLanguage, normalise, zhNumeralValue } from '../../../src/model/offline/normalise.js'

describe('normalise', () => {
  it('folds full-width characters, case and spaces, keeping a cased copy with the same offsets', () => {
    const n = normalise('  Churn  BY Plan？ＭＲＲ１２ ')
    expect(n.text).toBe('churn by plan?mrr12')
    expect(n.cased).toBe('Churn BY Plan?MRR12')
  })

  it('writes Chinese counts and ordinals as digits only next to time words', () => {
    expect(normalise('过去六个月').text).toBe('过去6个月')
    expect(normalise('最近十二个月').text).toBe('最近12个月')
    expect(normalise('2025年第三季度').text).toBe('2025年第3季度')
    expect(normalise('最近两个季度').text).toBe('最近2个季度')
    expect(normalise('三月以来').text).toBe('3月以来')
    expect(normalise('对比一下').text).toBe('对比一下')
  })

  it('writes English counts before time units as digits', () => {
    expect(normalise('Churn over the last two quarters').text).toBe('churn over the last 2 quarters')
    expect(normalise('past Six months').text).toBe('past 6 months')
    expect(normalise('one of our plans').text).toBe('one of our plans')
  })

  it('reads Chinese numerals up to 99', () => {
    expect([zhNumeralValue('三'), zhNumeralValue('十'), zhNumeralValue('十二'), zhNumeralValue('二十四'), zhNumeralValue('九十')]).toEqual([3, 10, 12, 24, 90])
    expect(zhNumeralValue('百')).toBeUndefined()
  })

  it('detects the language of the question', () => {
    expect(detectLanguage('What was churn last quarter?')).toBe('en')
    expect(detectLanguage('上个季度的流失率是多少？')).toBe('zh')
    expect(detectLanguage('MRR流失率')).toBe('zh')
    expect(detectLanguage('What does 流 mean in our NRR report?')).toBe('en')
  })
})
