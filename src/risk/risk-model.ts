import type { FeatureColumn } from './design.js'
import type { Backtest } from './backtest.js'
import type { Scaler } from './standardise.js'

/** A trained risk model as stored in risk_models: what it reads, its parameters, how good it was, when it learnt. */
export type RiskModel = {
  id: string
  algorithm: 'logistic_regression'
  /** ISO timestamp of training. */
  trainedAt: string
  /** The data's as-of date when it was trained. */
  dataAsOf: string
  mode: 'dated' | 'snapshot'
  /** The model predicts churn within this many months of the prediction date. */
  horizonMonths: number
  columns: FeatureColumn[]
  parameters: { scaler: Scaler; intercept: number; weights: number[]; l2: number; iterations: number; converged: boolean }
  backtest: Backtest
  /** customerShare < 1: trained on that deterministic share of customers (large data sets). */
  training: { dates: { from: string; to: string }; rows: number; positives: number; baseRate: number; customerShare: number }
}
