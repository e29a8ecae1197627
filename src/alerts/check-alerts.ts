import type { DataCatalog } from '../catalog/data-catalog.js'
import { riskSummary } from '../tools/risk-summary.js'
import type { ToolDeps } from '../tools/tool-deps.js'
import type { AlertConfig } from './alerts-config.js'
import { digestWindow } from './digest-window.js'
import { scopeLabel } from './format-digest.js'
import { valueName } from '../risk/factor-text.js'
import type { OutgoingMessage } from './message.js'
import { segmentMoves } from './segment-moves.js'

/** Evaluates one alert against the data; returns the messages to send (none when nothing crossed a line). */
export async function checkAlert(deps: ToolDeps, alert: AlertConfig): Promise<OutgoingMessage[]> {
  const lang = alert.language
  const zh = lang === 'zh'
  const catalog: DataCatalog = deps.catalog
  const dimName = (id: string) => catalog.dimensions.find((x) => x.id === id)?.name[lang] ?? id
  if (alert.kind === 'segment_churn_rise') {
    const { period, previous } = digestWindow(alert.window, catalog.meta.asOf)
    const dims = alert.dimensions ?? catalog.dimensions.map((d) => d.id).filter((d) => !(d in alert.scope))
    const { moves } = await segmentMoves(deps, dims, period, previous, alert.scope, alert.minCustomers)
    return moves
      .filter((m) => m.changePoints > 0 && m.pValue !== null && m.pValue < alert.maxPValue)
      .map((m) => ({
        kind: 'alert' as const,
        source: alert.id,
        language: lang,
        title: zh ? `流失预警：${dimName(m.dimension)} = ${valueName(catalog, m.dimension, m.value, lang)} 流失率显著上升` : `Churn alert: ${dimName(m.dimension)} = ${m.value} churn rose significantly`,
        text: zh
          ? `${period.label}：${m.current.toFixed(2)}%（${m.active} 个期初活跃客户中流失 ${m.churned} 个），上期 ${m.previous.toFixed(2)}%；上升 ${m.changePoints.toFixed(2)} 个百分点，p=${m.pValue!.toFixed(3)}。范围：${scopeLabel(alert.scope, catalog, lang)}。`
          : `${period.label}: ${m.current.toFixed(2)}% (${m.churned} of ${m.active} active at the start), previous period ${m.previous.toFixed(2)}%; up ${m.changePoints.toFixed(2)} points, p=${m.pValue!.toFixed(3)}. Scope: ${scopeLabel(alert.scope, catalog, lang)}.`,
        data: { period, previous, move: m },
      }))
  }
  const filters = Object.entries(alert.scope).map(([dimension, values]) => ({ dimension, values }))
  const r = await riskSummary(deps, { filters, horizon_months: alert.horizonMonths, language: lang })
  if (r.total.mrrAtRisk < alert.threshold) return []
  const money = (x: number) => `${Math.round(x).toLocaleString('en-US')} ${r.currency}`
  return [{
    kind: 'alert',
    source: alert.id,
    language: lang,
    title: zh ? `风险MRR预警：${money(r.total.mrrAtRisk)} 超过阈值 ${money(alert.threshold)}` : `MRR at risk alert: ${money(r.total.mrrAtRisk)} is above ${money(alert.threshold)}`,
    text: zh
      ? `未来 ${alert.horizonMonths} 个月预期流失的MRR为 ${money(r.total.mrrAtRisk)}（共 ${money(r.total.mrr)}，${r.total.customers} 个活跃客户，高风险 ${r.total.highRisk} 个）。范围：${scopeLabel(alert.scope, catalog, lang)}。模型 ${r.model.id}（训练于 ${r.model.trainedAt.slice(0, 10)}）。`
      : `Expected MRR lost over the next ${alert.horizonMonths} month${alert.horizonMonths > 1 ? 's' : ''}: ${money(r.total.mrrAtRisk)} of ${money(r.total.mrr)} (${r.total.customers} active customers, ${r.total.highRisk} high-risk). Scope: ${scopeLabel(alert.scope, catalog, lang)}. Model ${r.model.id} (trained ${r.model.trainedAt.slice(0, 10)}).`,
    data: { total: r.total, threshold: alert.threshold, model: r.model },
  }]
}
