import { describe, expect, it } from 'vitest'
import { splitText, utf8Bytes } from '../../../src/adapters/bot/split-text.js'

describe('splitText', () => {
  it('splits at line boundaries within a byte budget, never cutting a Chinese character, losing nothing', () => {
    const text = Array.from({ length: 40 }, (_, i) => `第${i}行：流失率上升了 ${i}.0%，主要原因是价格。`).join('\n')
    const chunks = splitText(text, 200, utf8Bytes)
    expect(chunks.length).toBeGreaterThan(5)
    for (const c of chunks) expect(utf8Bytes(c)).toBeLessThanOrEqual(200)
    expect(chunks.join('\n')).toBe(text)
  })

  it('cuts a line longer than the budget by code points', () => {
    const line = '流'.repeat(500)
    const chunks = splitText(line, 100, utf8Bytes)
    for (const c of chunks) {
      expect(utf8Bytes(c)).toBeLessThanOrEqual(100)
      expect(c).toMatch(/^流+$/)
    }
    expect(chunks.join('')).toBe(line)
  })

  it('closes and reopens a code fence across chunks', () => {
    const text = ['```', ...Array.from({ length: 30 }, (_, i) => `row ${i} | value ${i}`), '```'].join('\n')
    const chunks = splitText(text, 120)
    expect(chunks.length).toBeGreaterThan(2)
    for (const c of chunks) {
      expect(c.startsWith('```')).toBe(true)
      expect(c.trimEnd().endsWith('```')).toBe(true)
      expect(c.length).toBeLessThanOrEqual(120)
    }
  })
})
