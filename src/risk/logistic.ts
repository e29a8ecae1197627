import { solveSymmetric } from './solve-symmetric.js'

/** A fitted logistic regression on standardised inputs: p = σ(intercept + Σ wⱼ·zⱼ). */
export type LogisticFit = { intercept: number; weights: number[]; iterations: number; converged: boolean }

/** Fitting options: L2 penalty λ on the weights (never the intercept), Newton iterations and tolerance. */
export type LogisticOptions = { l2?: number; maxIterations?: number; tolerance?: number; sampleWeights?: ArrayLike<number> }

export const sigmoid = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)))

/**
 * Maximises Σ yᵢ·log pᵢ + (1−yᵢ)·log(1−pᵢ) − (λ/2)·‖w‖² by Newton–Raphson (IRLS): each step solves
 * (XᵀWX + λI)·Δ = Xᵀ(y−p) − λw with W = diag(p(1−p)). The penalised objective is strictly concave,
 * so the steps converge to the unique optimum in a handful of iterations even when classes separate.
 * `x` holds rows of (already standardised) features; the intercept column is added here.
 */
export function fitLogistic(x: ArrayLike<number>[], y: ArrayLike<number>, opts: LogisticOptions = {}): LogisticFit {
  const l2 = opts.l2 ?? 1
  const maxIterations = opts.maxIterations ?? 50
  const tolerance = opts.tolerance ?? 1e-8
  const n = x.length
  const k = n ? x[0].length : 0
  const d = k + 1
  const beta = new Float64Array(d)
  const sw = opts.sampleWeights
  for (let iter = 1; iter <= maxIterations; iter++) {
    const h = new Float64Array(d * d)
    const g = new Float64Array(d)
    const row = new Float64Array(d)
    for (let i = 0; i < n; i++) {
      const xi = x[i]
      row[0] = 1
      let t = beta[0]
      for (let j = 0; j < k; j++) {
        row[j + 1] = xi[j]
        t += beta[j + 1] * xi[j]
      }
      const p = sigmoid(t)
      const wi = sw ? sw[i] : 1
      const r = wi * (y[i] - p)
      const w = wi * p * (1 - p)
      for (let a = 0; a < d; a++) {
        const ra = row[a]
        if (ra === 0) continue
        g[a] += r * ra
        const wa = w * ra
        const base = a * d
        for (let b = 0; b <= a; b++) h[base + b] += wa * row[b]
      }
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) h[b * d + a] = h[a * d + b]
    for (let a = 1; a < d; a++) {
      h[a * d + a] += l2
      g[a] -= l2 * beta[a]
    }
    // A tiny ridge on the intercept keeps the system solvable when every row has one class.
    h[0] += 1e-9
    const step = solveSymmetric(h, g, d)
    let change = 0
    for (let a = 0; a < d; a++) {
      beta[a] += step[a]
      change = Math.max(change, Math.abs(step[a]))
    }
    if (change < tolerance) return { intercept: beta[0], weights: [...beta.slice(1)], iterations: iter, converged: true }
  }
  return { intercept: beta[0], weights: [...beta.slice(1)], iterations: maxIterations, converged: false }
}

/** The fitted probability for one standardised row. */
export function predictLogistic(fit: Pick<LogisticFit, 'intercept' | 'weights'>, z: ArrayLike<number>): number {
  let t = fit.intercept
  for (let j = 0; j < fit.weights.length; j++) t += fit.weights[j] * z[j]
  return sigmoid(t)
}
