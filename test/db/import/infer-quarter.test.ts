import { describe, expect, it } from 'vitest'
import { afterLatestQuarter } from '../../../src/db/import/infer-mapping.js'

describe('a snapshot that names its quarter', () => {
  it('is placed at the end of the latest such quarter that has ended by today', () => {
    expect(afterLatestQuarter(3, '2026-12-01')).toBe('2026-10-01')
    expect(afterLatestQuarter(3, '2026-10-01')).toBe('2026-10-01')
    expect(afterLatestQuarter(3, '2026-09-30')).toBe('2025-10-01')
    expect(afterLatestQuarter(4, '2026-12-01')).toBe('2026-01-01')
    expect(afterLatestQuarter(1, '2026-04-15')).toBe('2026-04-01')
  })
})
