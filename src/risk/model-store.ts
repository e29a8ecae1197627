import type { Db } from '../db/open-database.js'
import { riskDb } from '../db/risk-schema.js'
import type { RiskModel } from './risk-model.js'

/** Stores a trained model (one row; older models stay for comparison). */
export async function saveRiskModel(db: Db, m: RiskModel): Promise<void> {
  await riskDb(db).insertInto('risk_models').values({
    id: m.id, algorithm: m.algorithm, trained_at: m.trainedAt, data_as_of: m.dataAsOf, mode: m.mode, horizon_months: m.horizonMonths,
    features: JSON.stringify(m.columns), parameters: JSON.stringify(m.parameters), metrics: JSON.stringify(m.backtest), training: JSON.stringify(m.training),
  }).execute()
}

/** The most recently trained model for this data's as-of date, if any. */
export async function latestRiskModel(db: Db, dataAsOf: string): Promise<RiskModel | undefined> {
  const r = await riskDb(db).selectFrom('risk_models').selectAll().where('data_as_of', '=', dataAsOf).orderBy('trained_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
  if (!r) return undefined
  return {
    id: r.id, algorithm: 'logistic_regression', trainedAt: r.trained_at, dataAsOf: r.data_as_of, mode: r.mode as RiskModel['mode'], horizonMonths: r.horizon_months,
    columns: JSON.parse(r.features), parameters: JSON.parse(r.parameters), backtest: JSON.parse(r.metrics), training: JSON.parse(r.training),
  }
}
