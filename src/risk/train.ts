import type { DataCatalog } from '../catalog/data-catalog.js'
import { chooseColumns, vectorise, type Example, type FeatureColumn } from './design.js'
import { fitLogistic, predictLogistic, type LogisticFit } from './logistic.js'
import { fitScaler, standardise, type Scaler } from './standardise.js'
import type { History } from './load-history.js'

/** L2 penalty on standardised weights: small against tens of thousands of rows, it only tames rare levels. */
export const DEFAULT_L2 = 1

/** A fitted risk model's parameters: columns, the scaler learnt on training rows, and the weights. */
export type FittedRisk = { columns: FeatureColumn[]; scaler: Scaler; fit: Pick<LogisticFit, 'intercept' | 'weights'>; iterations: number; converged: boolean; trainRows: number; trainPositives: number }

/** Chooses columns on the training rows, standardises them and fits the L2 logistic regression. */
export function fitRisk(catalog: DataCatalog, history: Pick<History, 'has' | 'measureNames'>, train: Example[], mode: 'dated' | 'snapshot', l2 = DEFAULT_L2): FittedRisk {
  const columns = chooseColumns(catalog, history, train, mode)
  const raw = train.map((e) => vectorise(e, columns))
  const scaler = fitScaler(raw)
  const z = raw.map((r) => standardise(r, scaler))
  const fit = fitLogistic(z, train.map((e) => e.label), { l2 })
  return { columns, scaler, fit, iterations: fit.iterations, converged: fit.converged, trainRows: train.length, trainPositives: train.reduce((s, e) => s + e.label, 0) }
}

/** Standardised inputs of an example under a fitted model. */
export function zOf(m: Pick<FittedRisk, 'columns' | 'scaler'>, e: Pick<Example, 'raw' | 'dims'>): Float64Array {
  return standardise(vectorise(e, m.columns), m.scaler)
}

/** Probability of churn within the model's horizon (one month). */
export function predictRisk(m: Pick<FittedRisk, 'columns' | 'scaler' | 'fit'>, e: Pick<Example, 'raw' | 'dims'>): number {
  return predictLogistic(m.fit, zOf(m, e))
}
