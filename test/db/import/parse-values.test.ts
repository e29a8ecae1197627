import { describe, expect, it } from 'vitest'
import { parseAmount, parseNumber, parseTenure } from '../../../src/db/import/parse-values.js'

const value = (p: { ok: boolean; value?: unknown }) => (p.ok ? p.value : 'error')

describe('numbers as spreadsheets write them', () => {
  it('reads thousands separators, decimal commas, currency signs and percents', () => {
    expect(value(parseNumber('1,234'))).toBe(1234)
    expect(value(parseNumber('1,234.5'))).toBe(1234.5)
    expect(value(parseNumber('6,9'))).toBe(6.9)
    expect(value(parseNumber('0,25'))).toBe(0.25)
    expect(value(parseNumber('1.234,56'))).toBe(1234.56)
    expect(value(parseNumber('-3,5'))).toBe(-3.5)
    expect(value(parseNumber('€19'))).toBe(19)
    expect(value(parseNumber('12%'))).toBe(12)
    expect(value(parseNumber(''))).toBeNull()
    expect(value(parseNumber('12.5.0'))).toBe('error')
    expect(value(parseNumber('abc'))).toBe('error')
  })

  it('reads tenures and amounts the same way, refusing negatives and tenures over the bound', () => {
    expect(value(parseTenure('4,5', 100))).toBe(4.5)
    expect(value(parseTenure('-1', 100))).toBe('error')
    expect(value(parseTenure('120', 100))).toBe('error')
    expect(value(parseAmount('19,90 €'))).toBe(19.9)
    expect(value(parseAmount('$1,234.50'))).toBe(1234.5)
    expect(value(parseAmount('-5'))).toBe('error')
    expect(value(parseAmount(' '))).toBeNull()
  })
})
