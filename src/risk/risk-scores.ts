import type { DataCatalog } from '../catalog/data-catalog.js'
import type { Db } from '../db/open-database.js'
import type { Period } from '../catalog/period.js'
import { addMonths } from '../time/dates.js'
import { periodLabel } from '../time/period.js'
import type { SegmentRate } from './segment-rates.js'
import { exampleSource, scoringDate } from './examples.js'
import { topFactors, type RiskFactor } from './explain.js'
import { loadHistory } from './load-history.js'
import { latestRiskModel } from './model-store.js'
import type { RiskModel } from './risk-model.js'
import { trainRiskModel } from './train-risk-model.js'
import { predictLogistic } from './logistic.js'
import { standardise } from './standardise.js'
import { vectorise } from './design.js'

/** One active customer's current risk: one-month churn probability, MRR, and the top factors raising it. */
export type ScoredCustomer = { customerId: string; name: string; dims: Record<string, string | null>; probability: number; mrr: number; factors: RiskFactor[] }

/** Current scores with their provenance: the model, the date they are for, and the SQL that read the data. */
export type RiskScores = { model: RiskModel; date: string; customers: ScoredCustomer[]; sql: string[]; segmentSignals: SegmentSignal[] }

/** A segment whose recent churn (the 5 closed months before the scoring date) runs above everyone's. */
export type SegmentSignal = { dimension: string; value: string; recentRate: number; overallRate: number; ratio: number }

/** Customer-months read back for current features: enough for the 9-month trends and last NPS answers. */
const HISTORY_MONTHS = 24

const cache = new WeakMap<Db, RiskScores>()

/** The latest stored model for this data, trained (and stored) on first use when there is none. */
export async function ensureRiskModel(db: Db, catalog: DataCatalog, now?: () => Date): Promise<RiskModel> {
  return (await latestRiskModel(db, catalog.meta.asOf)) ?? trainRiskModel(db, catalog, { now })
}

/** Scores every customer active at the as-of date with the latest model (cached per database and model). */
export async function currentRiskScores(db: Db, catalog: DataCatalog, now?: () => Date): Promise<RiskScores> {
  const model = await ensureRiskModel(db, catalog, now)
  const hit = cache.get(db)
  if (hit && hit.model.id === model.id) return hit
  const date = scoringDate(catalog.meta.asOf)
  const history = await loadHistory(db, catalog, model.mode === 'dated' ? addMonths(date, -HISTORY_MONTHS) : undefined)
  const source = exampleSource(history, catalog.dimensions.map((d) => d.id), model.mode)
  const customers = source(date).map((e) => {
    const z = standardise(vectorise(e, model.columns), model.parameters.scaler)
    const c = history.customers.get(e.customerId)!
    return { customerId: e.customerId, name: c.name, dims: e.dims, probability: predictLogistic(model.parameters, z), mrr: e.mrr, factors: topFactors(model, e, z) }
  })
  customers.sort((a, b) => b.probability - a.probability || (a.customerId < b.customerId ? -1 : 1))
  const scores = { model, date, customers, sql: history.sql, segmentSignals: signalsOf(source.rates(date)) }
  cache.set(db, scores)
  return scores
}

/** Probability of churning within h months from a one-month probability (constant monthly hazard). */
export function overHorizon(p1: number, months: number): number {
  return 1 - (1 - p1) ** months
}

/** The window a prediction covers: [date, date + horizon months), labelled like every other period. */
export function predictionPeriod(date: string, months: number): Period {
  const to = addMonths(date, months)
  return { from: date, to, label: periodLabel(date, to) }
}

// Segments at least 1.2× the overall recent churn rate, strongest first.
function signalsOf(rates: Map<string, Map<string, SegmentRate>> | undefined): SegmentSignal[] {
  const out: SegmentSignal[] = []
  for (const [dimension, byValue] of rates ?? []) {
    for (const [value, r] of byValue) if (r.overall > 0 && r.rate / r.overall >= 1.2) out.push({ dimension, value, recentRate: r.rate, overallRate: r.overall, ratio: r.rate / r.overall })
  }
  return out.sort((a, b) => b.ratio - a.ratio)
}
