import type { DataCatalog } from '../catalog/data-catalog.js'
import type { Db } from '../db/open-database.js'
import { AppError } from '../errors.js'
import { runBacktest } from './backtest.js'
import { customerSample, dataShape, exampleSource, HORIZON_MONTHS, MAX_TRAINING_CUSTOMERS } from './examples.js'
import { loadHistory } from './load-history.js'
import { saveRiskModel } from './model-store.js'
import type { RiskModel } from './risk-model.js'
import { DEFAULT_L2, fitRisk } from './train.js'

/** Options: the clock (for the training timestamp) and whether to store the model. */
export type TrainOptions = { now?: () => Date; save?: boolean }

/**
 * Trains on the company's own history: backtest first (held-out months or k-fold), then the model
 * actually used, fitted on every prediction date whose outcome is known, and stores both.
 */
export async function trainRiskModel(db: Db, catalog: DataCatalog, opts: TrainOptions = {}): Promise<RiskModel> {
  const history = await loadHistory(db, catalog)
  const shape = dataShape(history, catalog.meta.asOf)
  // Large data sets train on a fixed random sample of customers; scoring still covers everyone.
  const share = Math.min(1, MAX_TRAINING_CUSTOMERS / Math.max(1, history.customers.size))
  const at = exampleSource(history, catalog.dimensions.map((d) => d.id), shape.mode, customerSample(share))
  const dates = shape.mode === 'dated' ? shape.dates : [shape.date]
  const train = dates.flatMap(at)
  const positives = train.reduce((s, e) => s + e.label, 0)
  if (positives < 10 || train.length - positives < 10) {
    throw new AppError('bad_request', `Too little churn history to train a risk model (${positives} churns in ${train.length} customer-months).`)
  }
  const backtest = runBacktest(catalog, history, shape, at)
  const fitted = fitRisk(catalog, history, train, shape.mode)
  const trainedAt = (opts.now?.() ?? new Date()).toISOString()
  const model: RiskModel = {
    id: `logit-${trainedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`,
    algorithm: 'logistic_regression',
    trainedAt,
    dataAsOf: catalog.meta.asOf,
    mode: shape.mode,
    horizonMonths: HORIZON_MONTHS,
    columns: fitted.columns,
    parameters: { scaler: fitted.scaler, intercept: fitted.fit.intercept, weights: fitted.fit.weights, l2: DEFAULT_L2, iterations: fitted.iterations, converged: fitted.converged },
    backtest,
    training: { dates: { from: dates[0], to: dates.at(-1)! }, rows: train.length, positives, baseRate: positives / train.length, customerShare: share },
  }
  if (opts.save !== false) await saveRiskModel(db, model)
  return model
}
