import { describe, expect, it } from 'vitest'
import { fitLogistic, sigmoid } from '../../src/risk/logistic.js'
import { solveSymmetric } from '../../src/risk/solve-symmetric.js'
import { fitScaler, standardise } from '../../src/risk/standardise.js'

describe('fitLogistic', () => {
  it('matches the closed form for one binary feature: intercept = logit(p₀), weight = logit(p₁) − logit(p₀)', () => {
    // Group x=0: 1 of 4 churn (p₀ = 1/4); group x=1: 3 of 4 (p₁ = 3/4). logit(1/4) = −ln 3, logit(3/4) = ln 3.
    const x = [[0], [0], [0], [0], [1], [1], [1], [1]]
    const y = [1, 0, 0, 0, 1, 1, 1, 0]
    const fit = fitLogistic(x, y, { l2: 0 })
    expect(fit.converged).toBe(true)
    expect(fit.intercept).toBeCloseTo(-Math.log(3), 8)
    expect(fit.weights[0]).toBeCloseTo(2 * Math.log(3), 8)
  })

  it('with an L2 penalty, lands where the penalised gradient Xᵀ(y − p) − λw is zero', () => {
    // Two correlated features; the stationarity condition is an oracle independent of how we solve.
    const rows: number[][] = []
    const y: number[] = []
    for (let i = 0; i < 200; i++) {
      const a = Math.sin(i * 1.7) * 2
      const b = a * 0.5 + Math.cos(i * 0.9)
      rows.push([a, b])
      y.push(sigmoid(0.8 * a - 1.2 * b + 0.3) > ((i * 0.618) % 1) ? 1 : 0)
    }
    const l2 = 3
    const fit = fitLogistic(rows, y, { l2 })
    const grad = [0, 0, 0]
    rows.forEach((r, i) => {
      const p = sigmoid(fit.intercept + fit.weights[0] * r[0] + fit.weights[1] * r[1])
      grad[0] += y[i] - p
      grad[1] += (y[i] - p) * r[0]
      grad[2] += (y[i] - p) * r[1]
    })
    expect(Math.abs(grad[0])).toBeLessThan(1e-8)
    expect(Math.abs(grad[1] - l2 * fit.weights[0])).toBeLessThan(1e-8)
    expect(Math.abs(grad[2] - l2 * fit.weights[1])).toBeLessThan(1e-8)
    expect(fit.weights[0]).toBeGreaterThan(0)
    expect(fit.weights[1]).toBeLessThan(0)
  })

  it('stays finite when the classes separate perfectly (the penalty bounds the weights)', () => {
    const fit = fitLogistic([[-2], [-1], [1], [2]], [0, 0, 1, 1], { l2: 1 })
    expect(fit.converged).toBe(true)
    expect(Number.isFinite(fit.weights[0])).toBe(true)
    expect(fit.weights[0]).toBeGreaterThan(0)
  })
})

describe('solveSymmetric', () => {
  it('solves a 3×3 positive-definite system', () => {
    // A = [[4,2,0],[2,5,1],[0,1,3]], x = [1,−1,2] → b = A·x = [2,−1,5]
    const x = solveSymmetric(new Float64Array([4, 2, 0, 2, 5, 1, 0, 1, 3]), new Float64Array([2, -1, 5]), 3)
    expect([...x].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, -1, 2])
  })
})

describe('standardise', () => {
  it('centres and scales with the sample sd, ignoring unknown cells, which become the mean', () => {
    const s = fitScaler([[1, NaN], [3, 10], [5, 20]])
    expect(s.means).toEqual([3, 15])
    expect(s.sds[0]).toBeCloseTo(2, 12)
    expect(s.sds[1]).toBeCloseTo(Math.sqrt(50), 12)
    expect([...standardise([5, NaN], s)]).toEqual([1, 0])
  })
})
