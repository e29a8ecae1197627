import type { DataCatalog } from '../catalog/data-catalog.js'
import { evaluateRisk, type RiskMetrics } from './evaluate.js'
import { HORIZON_MONTHS, type DataShape, type ExampleSource } from './examples.js'
import type { History } from './load-history.js'
import { fitRisk, predictRisk } from './train.js'
import { addMonths } from '../time/dates.js'

/** A backtest: how it was split, and the metrics on rows the model never saw. */
export type Backtest = {
  method: 'temporal' | 'stratified_kfold'
  /** temporal: training and test prediction dates; kfold: number of folds. */
  trainDates?: { from: string; to: string }
  testDates?: { from: string; to: string }
  folds?: number
  metrics: RiskMetrics
}

/** Months held out at the end of dated data. */
export const TEST_MONTHS = 6

/**
 * Honest evaluation. Dated data: train on prediction dates whose outcome month closed before the
 * first test date, score the last TEST_MONTHS dates. Snapshot data: stratified k-fold (churners and
 * stayers dealt round-robin into folds in a fixed shuffled order), each fold scored by a model fitted on the others.
 */
export function runBacktest(catalog: DataCatalog, history: History, shape: DataShape, at: ExampleSource): Backtest {
  if (shape.mode === 'dated') {
    const tests = shape.dates.slice(-TEST_MONTHS)
    const firstTest = tests[0]
    const trains = shape.dates.filter((d) => addMonths(d, HORIZON_MONTHS) <= firstTest)
    const train = trains.flatMap(at)
    const model = fitRisk(catalog, history, train, 'dated')
    const test = tests.flatMap(at)
    return {
      method: 'temporal',
      trainDates: { from: trains[0], to: trains.at(-1)! },
      testDates: { from: tests[0], to: tests.at(-1)! },
      metrics: evaluateRisk(test.map((e) => predictRisk(model, e)), test.map((e) => e.label)),
    }
  }
  const all = at(shape.date)
  const folds = 5
  const fold = stratifiedFolds(all.map((e) => e.label), folds)
  const scores = new Float64Array(all.length)
  for (let k = 0; k < folds; k++) {
    const model = fitRisk(catalog, history, all.filter((_, i) => fold[i] !== k), 'snapshot')
    all.forEach((e, i) => {
      if (fold[i] === k) scores[i] = predictRisk(model, e)
    })
  }
  return { method: 'stratified_kfold', folds, metrics: evaluateRisk(scores, all.map((e) => e.label)) }
}

/** Fold index per row: each class is shuffled (seeded) and dealt round-robin, so every fold keeps the churn rate. */
export function stratifiedFolds(labels: number[], k: number, seed = 7): number[] {
  const fold = new Array<number>(labels.length).fill(0)
  let s = seed >>> 0
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  for (const cls of [0, 1]) {
    const idx = labels.flatMap((l, i) => ((l ? 1 : 0) === cls ? [i] : []))
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[idx[i], idx[j]] = [idx[j], idx[i]]
    }
    idx.forEach((row, n) => (fold[row] = n % k))
  }
  return fold
}
