import type { RiskModel } from './risk-model.js'

/** What every risk answer states about the model it used. */
export type ModelRef = { id: string; algorithm: string; trainedAt: string; dataAsOf: string; horizonMonths: number; backtestAuc: number | null }

/** The model reference carried in a result's provenance. */
export function modelRef(m: RiskModel): ModelRef {
  return { id: m.id, algorithm: m.algorithm, trainedAt: m.trainedAt, dataAsOf: m.dataAsOf, horizonMonths: m.horizonMonths, backtestAuc: m.backtest.metrics.auc }
}

/** How scores are made, in the answer's language. */
export function riskDefinition(horizon: number, lang: 'en' | 'zh'): string {
  return lang === 'zh'
    ? `流失风险 = 逻辑回归模型给出的未来 ${horizon} 个月内流失（订阅结束）的概率，只使用预测日期之前的数据（使用度趋势、工单、NPS、MRR变化、客户时长和分群）；${horizon > 1 ? '多月概率按月度风险不变推算；' : ''}风险金额 = 概率 × 当前MRR。`
    : `Risk = the logistic-regression probability that the subscription ends within ${horizon} month${horizon > 1 ? 's' : ''}, from data dated before the prediction date only (engagement trend, tickets, NPS, MRR changes, tenure, segments)${horizon > 1 ? '; longer horizons assume a constant monthly hazard' : ''}; MRR at risk = probability × current MRR.`
}
