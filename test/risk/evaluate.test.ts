import { describe, expect, it } from 'vitest'
import { auc, evaluateRisk } from '../../src/risk/evaluate.js'

describe('auc', () => {
  it('is the share of (churner, stayer) pairs ranked correctly', () => {
    // Pairs: (0.35 vs 0.1) ✓, (0.35 vs 0.4) ✗, (0.8 vs 0.1) ✓, (0.8 vs 0.4) ✓ → 3/4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75)
  })
  it('counts ties as half', () => {
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5)
  })
  it('is undefined with one class', () => {
    expect(auc([0.1, 0.2], [0, 0])).toBeNull()
  })
})

describe('evaluateRisk', () => {
  it('computes top-10% precision, recall, lift and decile calibration by hand', () => {
    // 20 rows, scores 20/20 … 1/20; churners at ranks 1, 3 and 15. Top 10% = ranks 1–2: 1 churner.
    const scores = Array.from({ length: 20 }, (_, i) => (20 - i) / 20)
    const labels = scores.map((_, i) => ([0, 2, 14].includes(i) ? 1 : 0))
    const m = evaluateRisk(scores, labels)
    expect(m.rows).toBe(20)
    expect(m.positives).toBe(3)
    expect(m.baseRate).toBe(0.15)
    expect(m.top10Precision).toBe(0.5)
    expect(m.top10Recall).toBeCloseTo(1 / 3, 12)
    expect(m.top10Lift).toBeCloseTo(0.5 / 0.15, 12)
    expect(m.calibration).toHaveLength(10)
    // Decile 1 = scores 1.0 and 0.95 (mean 0.975), one churner of two.
    expect(m.calibration[0]).toEqual({ decile: 1, customers: 2, predicted: 0.975, observed: 0.5 })
    expect(m.calibration[7]).toMatchObject({ decile: 8, observed: 0.5 })
  })
})
