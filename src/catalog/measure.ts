import type { Bilingual, Synonyms } from './types.js'

/** Where a numeric attribute's value comes from. */
export type MeasureSource =
  /** Imported per customer (customer_measures): age, balance, credit score, satisfaction… */
  | { kind: 'stored' }
  /** Whole months from signup to the churn date (or the as-of date for those who stayed). */
  | { kind: 'tenure' }
  /** The customer's latest monthly recurring revenue. */
  | { kind: 'mrr' }

import type { MeasureUnit } from './measure-def.js'

export type { MeasureUnit }

/**
 * A numeric attribute as the catalog serves it at run time (built-in or imported; the stored
 * declaration is MeasureDef in measure-def.ts): averaged by group, compared, cut into bands.
 */
export type MeasureDef = {
  id: string
  name: Bilingual
  synonyms: Synonyms
  unit: MeasureUnit
  source: MeasureSource
  /** Whole numbers only (tenure in months, age, counts): "over 24" then means 25 and up. */
  integer: boolean
}

/** One edge of a band: values equal to `at` fall in the band above it unless `equalBelow`. */
export type BandEdge = { at: number; equalBelow?: boolean }

/**
 * A numeric attribute cut into bands, used like a dimension ("churn by age band", "balance over 100k"). `range`: the
 * whole-number values the data holds, when known, so the outer bands are named by their values ("0", "6") not "< 1", "≥ 6".
 */
export type BandSpec = { measure: string; edges: BandEdge[]; range?: { min: number; max: number } }

/** The built-in numeric attributes every data set has. */
export const builtInMeasures: readonly MeasureDef[] = [
  {
    id: 'tenure_months', source: { kind: 'tenure' }, unit: 'months', integer: true,
    name: { en: 'Tenure (months)', zh: '在网时长（月）' },
    synonyms: { en: ['tenure', 'tenure months', 'months with us', 'how long customers stay', 'months as a customer', 'lifetime', 'months on book', 'account age', 'months of service', 'been with us', 'time with us', 'years with us', 'years as a customer', 'years as customer', 'how long', 'how long they have been a customer', "how long they've been a customer", 'how long they have been customers', "how long they've been customers", 'how long they have been with us', "how long they've been with us", 'time as a customer', 'stayed with us', 'how long they stayed', 'how long had they been with us', 'how long they had been with us', 'length of relationship', 'relationship length'], zh: ['在网时长', '在网月数', '网龄', '使用时长', '客户时长', '入网时长', '开通月数', '开通时长', '开户时长', '开户月数', '开户', '账龄', '在网', '入网', '在网时间', '多久', '多长时间', '待了多久', '合作多久', '合作年限', '成为客户多久', '做了多久客户', '合作时长', '客户年限'] },
  },
  {
    id: 'monthly_revenue', source: { kind: 'mrr' }, unit: 'currency', integer: false,
    name: { en: 'Monthly revenue', zh: '月收入' },
    synonyms: { en: ['monthly charges', 'monthly charge', 'monthly fee', 'monthly fees', 'monthly bill', 'monthly spend', 'monthly payment', 'paying', 'pay per month', 'charges', 'fees', 'bill'], zh: ['月费', '月消费', '每月费用', '月付费', '月度费用', '每月消费', '每月花费', '每月付', '每月支付', '每月交', '每月花', '每月付费', '每个月付'] },
  },
]

/** Labels of a band's ranges in order: "< 12", "12 – 24", "≥ 25" (integers) or "≤ 70", "> 70". */
export function bandLabels(edges: BandEdge[], integer: boolean, range?: BandSpec['range']): string[] {
  const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 }))
  const lo = (e: BandEdge) => (e.equalBelow ? `> ${fmt(e.at)}` : `≥ ${fmt(e.at)}`)
  const hi = (e: BandEdge) => (e.equalBelow ? `≤ ${fmt(e.at)}` : `< ${fmt(e.at)}`)
  const labels: string[] = []
  edges.forEach((e, i) => {
    if (i === 0) labels.push(hi(e))
    else {
      const p = edges[i - 1]
      if (integer) {
        const a = p.equalBelow ? p.at + 1 : p.at
        const b = e.equalBelow ? e.at : e.at - 1
        labels.push(a === b ? fmt(a) : `${fmt(a)} – ${fmt(b)}`)
      } else labels.push(`${lo(p)} & ${hi(e)}`)
    }
  })
  if (edges.length) labels.push(lo(edges.at(-1)!))
  // Whole numbers within a known range: the outer bands are spans of values like the inner ones ("0", "5 – 6").
  if (integer && range && edges.length) {
    const first = edges[0].equalBelow ? edges[0].at : edges[0].at - 1
    const last = edges.at(-1)!.equalBelow ? edges.at(-1)!.at + 1 : edges.at(-1)!.at
    if (Number.isInteger(range.min) && range.min <= first) labels[0] = range.min === first ? fmt(first) : `${fmt(range.min)} – ${fmt(first)}`
    if (Number.isInteger(range.max) && range.max >= last) labels[labels.length - 1] = range.max === last ? fmt(last) : `${fmt(last)} – ${fmt(range.max)}`
  }
  return labels
}

/**
 * An attribute named after churn (a vendor's "Churn Score", refunds on churn events) is derived from the
 * outcome: it neither explains churn in a profile nor predicts it in a risk model.
 */
export function isOutcomeDerived(measureId: string): boolean {
  return /churn/i.test(measureId)
}
