/** One calibration bin: predicted vs observed churn among the customers in a risk decile. */
export type CalibrationBin = { decile: number; customers: number; predicted: number; observed: number }

/** How good a ranking of churn risk is on held-out rows. Rates are fractions (0–1). */
export type RiskMetrics = {
  rows: number
  positives: number
  baseRate: number
  /** Area under the ROC curve: the chance a random churner is ranked above a random stayer. */
  auc: number | null
  /** Among the 10% highest-risk rows: the share that churned, and the share of all churners caught. */
  top10Precision: number | null
  top10Recall: number | null
  /** top10Precision ÷ baseRate: how many times better than picking at random. */
  top10Lift: number | null
  /** Mean |predicted − observed| over the deciles (weighted by size). */
  calibrationError: number | null
  calibration: CalibrationBin[]
}

/** AUC by the rank-sum (Mann–Whitney) formula, ties sharing their mean rank. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b])
  let pos = 0
  let rankSum = 0
  for (let i = 0; i < idx.length; ) {
    let j = i
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++
    const mid = (i + j) / 2 + 1
    for (let k = i; k <= j; k++) if (labels[idx[k]]) { pos++; rankSum += mid }
    i = j + 1
  }
  const neg = idx.length - pos
  if (!pos || !neg) return null
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg)
}

/** Every figure of RiskMetrics for scores (probabilities) against 0/1 outcomes. */
export function evaluateRisk(scores: ArrayLike<number>, labels: ArrayLike<number>): RiskMetrics {
  const n = scores.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a])
  let positives = 0
  for (let i = 0; i < n; i++) positives += labels[i] ? 1 : 0
  const baseRate = n ? positives / n : 0
  const top = Math.max(1, Math.round(n * 0.1))
  let caught = 0
  for (let i = 0; i < Math.min(top, n); i++) caught += labels[order[i]] ? 1 : 0
  const top10Precision = n ? caught / Math.min(top, n) : null
  const calibration: CalibrationBin[] = []
  for (let d = 0; d < 10 && n; d++) {
    const from = Math.floor((d * n) / 10)
    const to = Math.floor(((d + 1) * n) / 10)
    if (to <= from) continue
    let p = 0
    let o = 0
    for (let i = from; i < to; i++) {
      p += scores[order[i]]
      o += labels[order[i]] ? 1 : 0
    }
    calibration.push({ decile: d + 1, customers: to - from, predicted: p / (to - from), observed: o / (to - from) })
  }
  const calibrationError = n ? calibration.reduce((s, b) => s + (b.customers * Math.abs(b.predicted - b.observed)), 0) / n : null
  return {
    rows: n,
    positives,
    baseRate,
    auc: auc(scores, labels),
    top10Precision,
    top10Recall: positives ? caught / positives : null,
    top10Lift: top10Precision !== null && baseRate > 0 ? top10Precision / baseRate : null,
    calibrationError,
    calibration,
  }
}
