/**
 * Significance tests for comparing two segments, computed from aggregates SQL returns
 * (counts, sums, sums of squares), so no per-customer rows ever leave the database.
 */

/** Count, sum and sum of squares of one sample: enough for its mean and variance. */
export type Moments = { n: number; sum: number; sumSq: number }

/** A test's statistic (z or t), degrees of freedom for t, and two-sided p-value; nulls when the test is undefined. */
export type TestResult = { statistic: number | null; df?: number; pValue: number | null }

const undefinedTest: TestResult = { statistic: null, pValue: null }

/** Two-sided pooled two-proportion z-test of x1/n1 against x2/n2. */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) return undefinedTest
  const p1 = x1 / n1
  const p2 = x2 / n2
  const pooled = (x1 + x2) / (n1 + n2)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
  // Both proportions 0% or both 100%: no variation, so no evidence of a difference.
  if (se === 0) return { statistic: 0, pValue: 1 }
  const z = (p1 - p2) / se
  return { statistic: z, pValue: normalTwoSidedP(z) }
}

/** Welch's unequal-variance t-test of two means, with Welch–Satterthwaite degrees of freedom. */
export function welchTTest(a: Moments, b: Moments): TestResult {
  if (a.n < 2 || b.n < 2) return undefinedTest
  const va = variance(a) / a.n
  const vb = variance(b) / b.n
  const diff = a.sum / a.n - b.sum / b.n
  const se = Math.sqrt(va + vb)
  if (se === 0) return diff === 0 ? { statistic: 0, pValue: 1 } : undefinedTest
  const t = diff / se
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1))
  return { statistic: t, df, pValue: studentTwoSidedP(t, df) }
}

/** Sample variance (n − 1 denominator); clamped at 0 against rounding in sums of squares. */
export function variance(m: Moments): number {
  if (m.n < 2) return 0
  return Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1))
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function normalTwoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2)
}

/** P(|T| ≥ |t|) for Student's t with df degrees of freedom (df may be fractional). */
export function studentTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0
  return regularizedBeta(df / (df + t * t), df / 2, 0.5)
}

// Complementary error function, Chebyshev fit (Numerical Recipes erfcc): relative error < 1.2e-7.
function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  const r = t * Math.exp(poly)
  return x >= 0 ? r : 2 - r
}

// Lanczos approximation of ln Γ(x) for x > 0.
function lnGamma(x: number): number {
  const c = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5]
  let y = x
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5)
  let ser = 1.000000000190015
  for (const ci of c) ser += ci / ++y
  return -tmp + Math.log((2.5066282746310005 * ser) / x)
}

// Regularized incomplete beta I_x(a, b) via its continued fraction (modified Lentz).
function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  // The fraction converges fast only below the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) above it.
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaFraction(1 - x, b, a)) / b
  return (front * betaFraction(x, a, b)) / a
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  d = 1 / (Math.abs(d) < tiny ? tiny : d)
  let h = d
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m
    for (const num of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + num * d
      d = 1 / (Math.abs(d) < tiny ? tiny : d)
      c = 1 + num / c
      if (Math.abs(c) < tiny) c = tiny
      h *= d * c
    }
    if (Math.abs(d * c - 1) < 1e-12) break
  }
  return h
}

/** P(X ≥ x) for a chi-square variable with `df` degrees of freedom (upper regularized gamma Q(df/2, x/2)). */
export function chiSquareP(x: number, df: number): number {
  if (!(x > 0) || df <= 0) return 1
  return upperGammaQ(df / 2, x / 2)
}

// Q(a, x): series for x < a + 1, else a continued fraction (Lentz), as in standard numerical texts.
function upperGammaQ(a: number, x: number): number {
  const lnPre = -x + a * Math.log(x) - lnGamma(a)
  if (x < a + 1) {
    let sum = 1 / a
    let term = sum
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break
    }
    return Math.max(0, Math.min(1, 1 - sum * Math.exp(lnPre)))
  }
  const tiny = 1e-300
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return Math.max(0, Math.min(1, Math.exp(lnPre) * h))
}
