import { tool } from 'ai'
import { z } from 'zod'
import { makeChart } from '../chart/make-chart.js'
import { columnName } from '../risk/factor-text.js'
import { modelDrivers } from '../risk/explain.js'
import { modelRef } from '../risk/risk-provenance.js'
import { ensureRiskModel } from '../risk/risk-scores.js'
import { languageSchema } from './schemas.js'
import { asToolResult, type ToolDeps } from './tool-deps.js'

/** Input of risk_reliability. */
export const riskReliabilityInput = z.object({ language: languageSchema })

/** risk_reliability: how well the risk model did on data it never saw, and what drives it. */
export function riskReliabilityTool(deps: ToolDeps) {
  return tool({
    description:
      'How reliable the churn-risk predictions are: the backtest of the risk model on held-out data (later months for dated data, stratified cross-validation for snapshot files): AUC, precision/recall and lift in the top 10%, calibration by decile; the strongest drivers; the model id, training date and training rows. Use for "how reliable is this?", "这个预测准吗？".',
    inputSchema: riskReliabilityInput,
    execute: (input) => asToolResult(() => riskReliability(deps, input)),
  })
}

/** Runs risk_reliability. */
export async function riskReliability(deps: ToolDeps, input: z.infer<typeof riskReliabilityInput>) {
  const lang = input.language ?? 'en'
  const model = await ensureRiskModel(deps.db, deps.catalog)
  const bt = model.backtest
  const m = bt.metrics
  const title = lang === 'zh' ? '校准：各风险十分位的预测与实际流失率' : 'Calibration: predicted vs actual churn by risk decile'
  return {
    kind: 'risk_reliability' as const,
    model: modelRef(model),
    backtest: {
      method: bt.method,
      trainDates: bt.trainDates ?? null,
      testDates: bt.testDates ?? null,
      folds: bt.folds ?? null,
      rows: m.rows,
      positives: m.positives,
      baseRate: m.baseRate,
      auc: m.auc,
      top10Precision: m.top10Precision,
      top10Recall: m.top10Recall,
      top10Lift: m.top10Lift,
      calibrationError: m.calibrationError,
      calibration: m.calibration,
    },
    training: model.training,
    drivers: modelDrivers(model, 8).map((d) => ({ name: columnName(d.column, deps.catalog, lang), kind: d.column.kind, weight: d.weight, raisesRisk: d.weight > 0 })),
    definition: lang === 'zh'
      ? (bt.method === 'temporal' ? '回测：用较早月份训练，在之后从未见过的月份上检验；特征只取预测日期之前的数据。' : '回测：分层5折交叉验证（每折保持相同流失比例）。')
      : bt.method === 'temporal' ? 'Backtest: trained on earlier months, tested on later months it never saw; features only from before each prediction date.' : 'Backtest: stratified 5-fold cross-validation (every fold keeps the churn rate).',
    sql: [] as string[],
    chart: makeChart({
      type: 'bar', title, x: m.calibration.map((b) => `D${b.decile}`), unit: '%',
      series: [
        { name: lang === 'zh' ? '预测' : 'predicted', values: m.calibration.map((b) => Math.round(b.predicted * 1000) / 10) },
        { name: lang === 'zh' ? '实际' : 'actual', values: m.calibration.map((b) => Math.round(b.observed * 1000) / 10) },
      ],
    }),
  }
}
