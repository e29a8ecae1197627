import { describeChurnDefinition, type ChurnDefinition } from '../../catalog/churn-definition.js'
import type { DataCatalog } from '../../catalog/data-catalog.js'
import type { Unit } from '../../catalog/types.js'
import { valueLabel } from '../../catalog/value-label.js'
import { formatPeriod, formatValue } from './format-value.js'

type Lang = 'en' | 'zh'
type Measure = { id: string; name: string; unit: Unit; a: number | null; b: number | null; pValue: number | null; significant: boolean }
/** The parts of compare_segments' output the answer reads. */
export type ComparisonOutput = {
  period: { from: string; to: string; label: string }
  a: { label: string; customers: number }
  b: { label: string; customers: number }
  measures: Measure[]
  profile?: Factor[]
  churn?: ChurnDefinition
  currency: string
  definition: string
  chart: unknown
}

type Factor =
  | { kind: 'dimension'; id: string; name: { en: string; zh: string }; values: Array<{ value: string; a: number; b: number }>; pValue: number; effect: number }
  | { kind: 'measure'; id: string; name: { en: string; zh: string }; unit: string; a: number | null; b: number | null; pValue: number | null; effect: number }

/** Factors listed in a profile; effects below this (Cramér's V or point-biserial r) are too small to matter. */
const PROFILE_LIST = 6
const SMALL_EFFECT = 0.1

const pText = (p: number | null) => (p === null ? '' : p < 0.001 ? 'p < 0.001' : `p = ${p.toPrecision(2)}`)

/**
 * Two segments side by side, measure by measure. A difference is called real only when the tool
 * marks it significant; the line on what stands out names the clearest such difference.
 */
export function composeComparison(o: ComparisonOutput, lang: Lang, catalog: DataCatalog, focus?: string): string {
  const n = (v: number) => formatValue(v, 'count', o.currency, lang)
  const head = lang === 'zh'
    ? `${o.a.label}（${n(o.a.customers)}个客户）对比${o.b.label}（${n(o.b.customers)}个客户），${formatPeriod(o.period, lang)}：`
    : `${o.a.label} (${n(o.a.customers)} customers) vs ${o.b.label} (${n(o.b.customers)} customers), ${formatPeriod(o.period, lang)}:`
  // Measures the data has nothing for (no tickets or logins recorded: 0 on both sides) say nothing,
  // nor do those the profile above already lists (tenure, monthly revenue): one figure per fact.
  const listed = new Set(listedFactors(o).map((f) => sameFactAs[f.id] ?? f.id))
  const shown = o.measures.filter((m) => (m.a !== null || m.b !== null) && !(m.a === 0 && m.b === 0) && (m.id === focus || !listed.has(m.id)))
  // The measure the question named (e.g. churn) leads.
  shown.sort((x, y) => Number(y.id === focus) - Number(x.id === focus))
  const lines = shown.map((m) => {
    const f = (v: number | null) => formatValue(v, m.unit, o.currency, lang)
    const verdict = m.significant
      ? (lang === 'zh' ? `差异显著，${pText(m.pValue)}` : `significant, ${pText(m.pValue)}`)
      : (lang === 'zh' ? '差异不显著' : 'not significant')
    return lang === 'zh' ? `- ${m.name}：${f(m.a)} 对 ${f(m.b)}（${verdict}）` : `- ${m.name}: ${f(m.a)} vs ${f(m.b)} (${verdict})`
  })
  const sig = shown.filter((m) => m.significant).sort((x, y) => (x.pValue ?? 1) - (y.pValue ?? 1) || relDiff(y) - relDiff(x))
  const top = sig.find((m) => m.id === focus) ?? sig[0]
  let stands: string
  if (listed.size > 0) {
    // The profile above already ranks what differs, strongest first.
    stands = ''
  } else if (top) {
    const f = (v: number | null) => formatValue(v, top.unit, o.currency, lang)
    const higher = (top.a ?? 0) > (top.b ?? 0) ? o.a.label : o.b.label
    stands = lang === 'zh'
      ? `最明显的差异：${top.name}，${higher}更高（${f(top.a)} 对 ${f(top.b)}）。`
      : `What stands out: ${top.name} is clearly higher for ${higher} (${f(top.a)} vs ${f(top.b)}).`
  } else {
    stands = lang === 'zh' ? '各项差异都不显著（p ≥ 0.05），不能说两组真的不同。' : 'None of the differences is statistically significant (p ≥ 0.05), so the groups cannot be told apart on these measures.'
  }
  const churn = o.churn ? describeChurnDefinition(o.churn, lang) : ''
  const def = lang === 'zh'
    ? `口径：${churn}；期间内有有效订阅的客户；流失 = 期内订阅结束，留存 = 期末仍活跃；比例用双比例z检验，均值用Welch t检验，维度用卡方检验，p < 0.05 为显著。`
    : `Definition: ${o.definition} Dimensions: χ² test, effect = Cramér's V; numeric attributes: effect = point-biserial r.`
  const profile = profileLines(o, lang, catalog)
  return [head, ...profile, ...lines, ...(stands ? [stands] : []), def + (o.chart ? (lang === 'zh' ? '（已附图表）' : ' Chart attached.') : '')].join('\n')
}

/** The strongest differences across every dimension and numeric attribute, in plain words, strongest first. */
// Profile attributes that are the same fact as a comparison measure, by id.
const sameFactAs: Record<string, string> = { monthly_revenue: 'mrr', tenure_months: 'tenure_months' }

/** The profile factors the answer lists: clear (small effect or more) and significant, strongest first. */
function listedFactors(o: ComparisonOutput) {
  return (o.profile ?? []).filter((f) => f.effect >= SMALL_EFFECT && f.pValue !== null && f.pValue < 0.05).slice(0, PROFILE_LIST)
}

function profileLines(o: ComparisonOutput, lang: Lang, catalog: DataCatalog): string[] {
  const factors = listedFactors(o)
  if (!o.profile?.length) return []
  if (!factors.length) {
    return [lang === 'zh' ? '在各个维度和数值字段上，两组之间都没有明显差异。' : 'No dimension or numeric attribute differs clearly between the two groups.']
  }
  const pct = (v: number) => formatValue(v, 'percent', '', lang)
  const items = factors.map((f, i) => {
    const name = f.name[lang]
    if (f.kind === 'dimension') {
      const dim = catalog.dimensions.find((d) => d.id === f.id)
      const top = f.values[0]
      const v = valueLabel(dim, top.value, lang)
      return lang === 'zh'
        ? `${i + 1}. ${name}：${v}占${o.a.label}的${pct(top.a)}，占${o.b.label}的${pct(top.b)}（${pText(f.pValue)}）`
        : `${i + 1}. ${name}: ${v} is ${pct(top.a)} of ${o.a.label.toLowerCase()} vs ${pct(top.b)} of ${o.b.label.toLowerCase()} (${pText(f.pValue)})`
    }
    const unit = f.unit === 'currency' ? 'currency' : f.unit === 'months' ? 'months' : 'ratio'
    const fmt = (v: number | null) => formatValue(v, unit, o.currency, lang).replace('×', '')
    return lang === 'zh'
      ? `${i + 1}. ${name}：平均 ${fmt(f.a)} 对 ${fmt(f.b)}（${pText(f.pValue)}）`
      : `${i + 1}. ${name}: average ${fmt(f.a)} vs ${fmt(f.b)} (${pText(f.pValue)})`
  })
  const head = lang === 'zh' ? '两组差别最大的方面（按差异大小排序）：' : 'What sets the two groups apart most (strongest first):'
  return [head, ...items]
}

function relDiff(m: Measure): number {
  if (m.a === null || m.b === null) return 0
  const scale = Math.max(Math.abs(m.a), Math.abs(m.b))
  return scale ? Math.abs(m.a - m.b) / scale : 0
}
