import { describe, expect, it } from 'vitest'
import { normalTwoSidedP, studentTwoSidedP, twoProportionZTest, variance, welchTTest } from '../../src/query/significance.js'

// Independent check of the t tail: Simpson's rule on the unnormalised t density, normalised numerically (no Γ functions).
function tTailByIntegration(t: number, df: number): number {
  const density = (x: number) => (1 + (x * x) / df) ** (-(df + 1) / 2)
  const simpson = (a: number, b: number, n = 20000) => {
    const h = (b - a) / n
    let s = density(a) + density(b)
    for (let i = 1; i < n; i++) s += density(a + i * h) * (i % 2 ? 4 : 2)
    return (s * h) / 3
  }
  // Substitute x = tan(u) so the infinite range becomes finite: ∫ f(x) dx = ∫ f(tan u) sec² u du.
  const mapped = (a: number, b: number) => {
    const n = 20000
    const h = (b - a) / n
    const g = (u: number) => density(Math.tan(u)) / Math.cos(u) ** 2
    let s = g(a) + g(b - 1e-12)
    for (let i = 1; i < n; i++) s += g(a + i * h) * (i % 2 ? 4 : 2)
    return (s * h) / 3
  }
  const total = 2 * mapped(0, Math.PI / 2)
  const inner = 2 * simpson(0, Math.abs(t))
  return 1 - inner / total
}

describe('two-proportion z-test', () => {
  it('30/100 vs 20/100: pooled p = 0.25, se = √(0.25·0.75·0.02) = 0.061237, z = 1.63299, p = 0.10247', () => {
    const r = twoProportionZTest(30, 100, 20, 100)
    expect(r.statistic).toBeCloseTo(1.632993, 5)
    expect(r.pValue).toBeCloseTo(0.102470, 5)
  })
  it('is symmetric and undefined without a population or with x > n', () => {
    expect(twoProportionZTest(20, 100, 30, 100).statistic).toBeCloseTo(-1.632993, 5)
    expect(twoProportionZTest(1, 0, 1, 10)).toEqual({ statistic: null, pValue: null })
    expect(twoProportionZTest(3, 2, 1, 10)).toEqual({ statistic: null, pValue: null })
  })
  it('gives p = 1 when both rates are 0% (no variation at all)', () => {
    expect(twoProportionZTest(0, 50, 0, 70)).toEqual({ statistic: 0, pValue: 1 })
  })
})

describe('normal and t tails', () => {
  it('matches table values: z 1.96 → 0.05; t(10) 2.228 → 0.05; t(1) 12.706 → 0.05; t(5) 2.571 → 0.05', () => {
    expect(normalTwoSidedP(1.96)).toBeCloseTo(0.049996, 5)
    expect(normalTwoSidedP(0)).toBeCloseTo(1, 6)
    expect(studentTwoSidedP(2.228138852, 10)).toBeCloseTo(0.05, 6)
    expect(studentTwoSidedP(12.70620474, 1)).toBeCloseTo(0.05, 6)
    expect(studentTwoSidedP(2.570581836, 5)).toBeCloseTo(0.05, 6)
  })
  it('agrees with numerical integration of the t density for fractional df', () => {
    for (const [t, df] of [[1.19107, 1.7229], [0.5, 3.5], [3.2, 7.25]]) {
      expect(studentTwoSidedP(t, df)).toBeCloseTo(tTailByIntegration(t, df), 4)
    }
  })
})

describe('Welch t-test from sums', () => {
  it('tenure days 99, 73 vs 76, 59: t = 18.5 / √241.25, df = 241.25² / (169² + 72.25²)', () => {
    const a = { n: 2, sum: 172, sumSq: 99 ** 2 + 73 ** 2 }
    const b = { n: 2, sum: 135, sumSq: 76 ** 2 + 59 ** 2 }
    expect(variance(a)).toBeCloseTo(338, 9) // (99 − 73)² / 2
    const r = welchTTest(a, b)
    expect(r.statistic).toBeCloseTo(18.5 / Math.sqrt(241.25), 9)
    expect(r.df).toBeCloseTo(241.25 ** 2 / (169 ** 2 + 72.25 ** 2), 9)
    expect(r.pValue).toBeCloseTo(tTailByIntegration(18.5 / Math.sqrt(241.25), 241.25 ** 2 / (169 ** 2 + 72.25 ** 2)), 4)
  })
  it('needs two observations per side; identical constant samples give p = 1', () => {
    expect(welchTTest({ n: 1, sum: 5, sumSq: 25 }, { n: 5, sum: 10, sumSq: 30 }).pValue).toBeNull()
    expect(welchTTest({ n: 3, sum: 6, sumSq: 12 }, { n: 4, sum: 8, sumSq: 16 })).toEqual({ statistic: 0, pValue: 1 })
  })
})
