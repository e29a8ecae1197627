import type { Period } from '../catalog/period.js'
import { runMetric } from '../query/run-metric.js'
import { twoProportionZTest } from '../query/significance.js'
import { churnReasons } from '../tools/churn-reasons.js'
import { riskSummary } from '../tools/risk-summary.js'
import type { ToolDeps } from '../tools/tool-deps.js'
import { digestWindow } from './digest-window.js'
import { cohortChurned, segmentMoves, type SegmentMove } from './segment-moves.js'

/** The weekly (or monthly) churn summary as data; format-digest.ts writes it in a language. */
export type Digest = {
  window: 'week' | 'month'
  period: Period
  previous: Period
  scope: Record<string, string[]>
  churn: { rate: number | null; previousRate: number | null; churned: number; activeStart: number; pValue: number | null }
  mover: SegmentMove | null
  reasons: Array<{ name: string; count: number; share: number; quote: string | null }>
  risk: { mrrAtRisk: number; mrr: number; customers: number; highRisk: number; modelId: string; trainedAt: string }
  currency: string
  sql: string[]
}

/** Builds a digest for a scope (the audience's segment filters) over the window ending at the data's as-of date. */
export async function buildDigest(deps: ToolDeps, opts: { window: 'week' | 'month'; scope: Record<string, string[]>; language: 'en' | 'zh' }): Promise<Digest> {
  const { period, previous } = digestWindow(opts.window, deps.catalog.meta.asOf)
  const where = opts.scope
  const [cur, prev] = await Promise.all([
    runMetric(deps, { metric: 'churn_rate', period, where }),
    runMetric(deps, { metric: 'churn_rate', period: previous, where }),
  ])
  const c = cur.rows[0]
  const p = prev.rows[0]
  const dims = deps.catalog.dimensions.map((d) => d.id).filter((d) => !(d in where))
  const moves = await segmentMoves(deps, dims, period, previous, where)
  const filters = Object.entries(where).map(([dimension, values]) => ({ dimension, values }))
  const reasons = await churnReasons(deps, { period, filters, language: opts.language })
  const risk = await riskSummary(deps, { filters, language: opts.language })
  return {
    window: opts.window,
    period,
    previous,
    scope: where,
    churn: {
      rate: c?.value ?? null,
      previousRate: p?.value ?? null,
      churned: c ? cohortChurned(c.parts) : 0,
      activeStart: c?.parts.active_start ?? 0,
      pValue: c && p ? twoProportionZTest(cohortChurned(c.parts), c.parts.active_start, cohortChurned(p.parts), p.parts.active_start).pValue : null,
    },
    mover: moves.moves[0] ?? null,
    reasons: reasons.categories.slice(0, 3).map((r) => ({ name: r.name, count: r.count, share: r.share, quote: (r.quotes.find((q) => q.language === opts.language) ?? r.quotes[0])?.text ?? null })),
    risk: { mrrAtRisk: risk.total.mrrAtRisk, mrr: risk.total.mrr, customers: risk.total.customers, highRisk: risk.total.highRisk, modelId: risk.model.id, trainedAt: risk.model.trainedAt },
    currency: deps.catalog.meta.currency,
    sql: [...cur.sql, ...prev.sql, ...moves.sql, ...reasons.sql, ...risk.sql],
  }
}
