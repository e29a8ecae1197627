import { sql } from 'kysely'
import type { DataCatalog } from '../catalog/data-catalog.js'
import type { Db } from '../db/open-database.js'
import { riskDb } from '../db/risk-schema.js'
import { normalTwoSidedP } from '../query/significance.js'
import { addMonths, startOfMonth } from '../time/dates.js'
import { vectorise } from './design.js'
import { exampleSource } from './examples.js'
import { spellAt } from './features.js'
import { loadHistory } from './load-history.js'
import { predictLogistic } from './logistic.js'
import { ensureRiskModel } from './risk-scores.js'
import type { RiskModel } from './risk-model.js'
import { standardise } from './standardise.js'

/** Which interventions to judge, and over how many months after each one churn is counted. */
export type EffectInput = { action?: string; team?: string; from?: string; to?: string; followMonths?: number }

/** What the comparison found; `verdict` says plainly whether the data can tell. */
export type EffectResult = {
  followMonths: number
  interventions: number
  actions: Array<{ action: string; count: number }>
  /** Treated customers whose follow-up window has closed and who were active when contacted. */
  treated: number
  treatedChurned: number
  treatedRate: number | null
  /** Churn of comparable untreated customers (same month, same risk decile), weighted like the treated. */
  comparisonRate: number | null
  comparisonCustomers: number
  /** Treated churn minus comparison churn, in percentage points. */
  differencePoints: number | null
  zScore: number | null
  pValue: number | null
  /** The smallest difference (points) this many treated customers could reliably show at 5%. */
  detectablePoints: number | null
  tooRecent: number
  notActive: number
  verdict: 'helped' | 'hurt' | 'no_clear_difference' | 'cannot_tell'
  reason: 'ok' | 'no_interventions' | 'too_few' | 'no_comparison'
  model: RiskModel
  sql: string[]
}

/** Fewer treated customers than this and the answer is "the data cannot tell". */
export const MIN_TREATED = 20

/**
 * Did the save actions work? Each treated customer (first matching intervention) is compared with the
 * untreated customers who were in the same risk decile at the start of that month and still active on
 * the contact day: their share churning within the follow-up window is the treated customer's expected
 * chance. Observed vs expected churn gives a stratified z-test (O − E) / √Σr(1−r).
 */
export async function interventionEffect(db: Db, catalog: DataCatalog, input: EffectInput): Promise<EffectResult> {
  const follow = input.followMonths ?? 3
  const asOf = catalog.meta.asOf
  const rdb = riskDb(db)
  let q = rdb.selectFrom('interventions').select(['customer_id', 'date', 'action', 'team']).orderBy('date').orderBy('id')
  if (input.action) q = q.where(sql<boolean>`lower(action) like ${`%${input.action.toLowerCase()}%`}`)
  if (input.team) q = q.where(sql<boolean>`lower(coalesce(team, '')) like ${`%${input.team.toLowerCase()}%`}`)
  if (input.from) q = q.where('date', '>=', input.from)
  if (input.to) q = q.where('date', '<', input.to)
  const rows = await q.execute()
  const allTreated = await rdb.selectFrom('interventions').select(['customer_id', 'date']).execute()
  const queries = [q.compile().sql]
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(r.action, (counts.get(r.action) ?? 0) + 1)
  const actions = [...counts].map(([action, count]) => ({ action, count })).sort((a, b) => b.count - a.count)
  const model = await ensureRiskModel(db, catalog)
  const empty = { followMonths: follow, interventions: rows.length, actions, treated: 0, treatedChurned: 0, treatedRate: null, comparisonRate: null, comparisonCustomers: 0, differencePoints: null, zScore: null, pValue: null, detectablePoints: null, tooRecent: 0, notActive: 0, model, sql: queries }
  if (!rows.length) return { ...empty, verdict: 'cannot_tell', reason: 'no_interventions' }

  const history = await loadHistory(db, catalog)
  queries.push(...history.sql)
  const source = exampleSource(history, catalog.dimensions.map((d) => d.id), model.mode)
  const decileCache = new Map<string, Map<string, number>>()
  const decilesAt = (d: string) => {
    let m = decileCache.get(d)
    if (m) return m
    const scored = source(d).map((e) => ({ id: e.customerId, p: predictLogistic(model.parameters, standardise(vectorise(e, model.columns), model.parameters.scaler)) }))
    scored.sort((a, b) => b.p - a.p)
    m = new Map(scored.map((s, i) => [s.id, Math.min(9, Math.floor((10 * i) / scored.length))]))
    decileCache.set(d, m)
    return m
  }
  // Anyone with an intervention near the month is no comparison for it.
  const touched = new Map<string, string[]>()
  for (const r of allTreated) touched.set(r.customer_id, [...(touched.get(r.customer_id) ?? []), r.date])

  const firstPerCustomer = new Map<string, (typeof rows)[number]>()
  for (const r of rows) if (!firstPerCustomer.has(r.customer_id)) firstPerCustomer.set(r.customer_id, r)
  let tooRecent = 0
  let notActive = 0
  let observed = 0
  let expected = 0
  let variance = 0
  let treated = 0
  const comparisonIds = new Set<string>()
  for (const r of firstPerCustomer.values()) {
    const t = r.date
    const until = addMonths(t, follow)
    if (until > asOf) { tooRecent++; continue }
    const d = startOfMonth(t)
    const c = history.customers.get(r.customer_id)
    const spell = c ? spellAt(c, d) : undefined
    if (!c || !spell || (spell.end !== null && spell.end <= t)) { notActive++; continue }
    const deciles = decilesAt(d)
    const decile = deciles.get(c.id)
    if (decile === undefined) { notActive++; continue }
    const windowStart = addMonths(d, -6)
    let n = 0
    let x = 0
    for (const [id, dec] of deciles) {
      if (dec !== decile || id === c.id) continue
      if ((touched.get(id) ?? []).some((when) => when >= windowStart && when < until)) continue
      const s = spellAt(history.customers.get(id)!, d)!
      if (s.end !== null && s.end <= t) continue
      n++
      if (s.end !== null && s.end <= until) x++
      comparisonIds.add(id)
    }
    if (!n) continue
    const rate = x / n
    treated++
    if (spell.end !== null && spell.end <= until) observed++
    expected += rate
    variance += rate * (1 - rate)
  }
  const base = { ...empty, tooRecent, notActive, treated, treatedChurned: observed, comparisonCustomers: comparisonIds.size }
  if (!treated) return { ...base, verdict: 'cannot_tell', reason: rows.length ? 'no_comparison' : 'no_interventions' }
  const treatedRate = observed / treated
  const comparisonRate = expected / treated
  const z = variance > 0 ? (observed - expected) / Math.sqrt(variance) : null
  const p = z === null ? null : normalTwoSidedP(z)
  const result = {
    ...base,
    treatedRate,
    comparisonRate,
    differencePoints: 100 * (treatedRate - comparisonRate),
    zScore: z,
    pValue: p,
    detectablePoints: variance > 0 ? (100 * 2.8 * Math.sqrt(variance)) / treated : null,
  }
  if (treated < MIN_TREATED || p === null) return { ...result, verdict: 'cannot_tell', reason: 'too_few' }
  if (p < 0.05) return { ...result, verdict: treatedRate < comparisonRate ? 'helped' : 'hurt', reason: 'ok' }
  return { ...result, verdict: 'no_clear_difference', reason: 'ok' }
}
