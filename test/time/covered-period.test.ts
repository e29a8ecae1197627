import { describe, expect, it } from 'vitest'
import { resolveCoveredPeriod } from '../../src/time/covered-period.js'

const dated = { kind: 'dated' as const, from: '2023-11-01', to: '2026-11-16' }
const asOf = '2026-11-15'

describe('resolveCoveredPeriod without a period', () => {
  it('reads a monthly trend or a single figure over the last 12 full months', () => {
    for (const grain of [undefined, 'month' as const]) {
      const { period, adjustments } = resolveCoveredPeriod(undefined, dated, asOf, dated.from, grain)
      expect([period.from, period.to]).toEqual(['2025-11-01', '2026-11-01'])
      expect(adjustments).toEqual([{ kind: 'default_period' }])
    }
  })

  it('reads a quarterly trend over the last four whole quarters, not twelve months cut mid-quarter', () => {
    const { period } = resolveCoveredPeriod(undefined, dated, asOf, dated.from, 'quarter')
    expect([period.from, period.to]).toEqual(['2025-10-01', '2026-10-01'])
  })

  it('reads a yearly trend over the last three whole years, clipped to what the data covers', () => {
    const { period, adjustments } = resolveCoveredPeriod(undefined, dated, asOf, dated.from, 'year')
    expect([period.from, period.to]).toEqual(['2023-11-01', '2026-01-01'])
    expect(adjustments).toEqual([{ kind: 'default_period' }, { kind: 'clipped', asked: { from: '2023-01-01', to: '2026-01-01' } }])
  })

  it('keeps a period the question gave, whatever the grain', () => {
    const { period } = resolveCoveredPeriod({ relative: 'last_n_months', n: 12 }, dated, asOf, dated.from, 'quarter')
    expect([period.from, period.to]).toEqual(['2025-11-01', '2026-11-01'])
  })
})
