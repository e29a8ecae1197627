import type { MetricDef } from '../../catalog/metric-types.js'
import type { Role } from './function-words.js'
import { normalise } from './normalise.js'
import { keyOf } from './segment-zh.js'

type MetricMention = { id: string; key: string; start: number; end: number }
const conjunction = /,|、|\band\b|\bor\b|\bplus\b|\bas well as\b|和|与|及|跟|或/

/**
 * The metrics a clause asks for, in the order named:
 * - metric words listed with "and", "和" or commas are separate metrics ("churn rate and NRR");
 *   side by side without one they name one thing, and the longer phrase wins ("time to resolve tickets");
 * - two named as a ratio name the ratio metric whose name holds both ("LTV和CAC的比例" → LTV:CAC);
 * - a generic word like "customers" alone names no metric; counting words and verbs of leaving decide:
 *   "how many customers did we lose" → churned_customers, "新增了多少客户" → new_customers.
 */
export function resolveMetrics(mentions: MetricMention[], text: string, roles: Set<Role>, fillers: Set<string>, catalog: readonly MetricDef[]): string[] {
  const leaving = roles.has('lose') || roles.has('churned')
  // "占全部客户的比例是多少": 多少 after a rate word asks how large the rate is, not for a count.
  const rateAmount = /(比例|占比|比率|百分比|率)\s*(是|为|有)?\s*多少(?![个人位家名])/.test(text) && !/多少(个|人|位|家|名)|几个|how many|数量|人数/.test(text)
  const counting = roles.has('howMany') && !rateAmount
  const strong: MetricMention[] = []
  for (const m of mentions.filter((x) => !fillers.has(x.key))) {
    const prev = strong.at(-1)
    if (prev && !conjunction.test(text.slice(prev.end, m.start))) {
      strong[strong.length - 1] = oneThing(prev, m)
      continue
    }
    strong.push(m)
  }
  let ids = [...new Set(strong.map((m) => m.id))]
  if (ids.length >= 2 && roles.has('rate')) {
    const ratio = catalog.find((def) => !ids.includes(def.id) && [def.name.en, ...def.synonyms.en, def.name.zh, ...def.synonyms.zh]
      .some((name) => strong.every((m) => keyOf(normalise(name).text).includes(m.key))))
    if (ratio) ids = [ratio.id]
  }
  // Revenue that leaves is churned MRR ("how much MRR did we lose", "损失了多少MRR").
  if (leaving) ids = ids.map((id) => (id === 'mrr' ? 'churned_mrr' : id))
  // "What share of customers left" asks for the rate, not the count.
  if (roles.has('rate') && !counting) ids = ids.map((id) => (id === 'churned_customers' ? 'churn_rate' : id))
  // "What share of monthly revenue is lost?": the revenue churn rate.
  if (roles.has('rate') && leaving) ids = ids.map((id) => (id === 'churned_mrr' ? 'gross_revenue_churn_rate' : id))
  if (ids.includes('active_customers') && leaving) ids = ids.map((id) => (id === 'active_customers' ? (counting || !roles.has('rate') ? 'churned_customers' : 'churn_rate') : id))
  if (ids.length) return [...new Set(ids)]
  // "Which city lost the most customers?": ranking by how many left, a count.
  const rankingCount = (roles.has('most') || roles.has('least')) && !roles.has('rate') && mentions.some((m) => m.id === 'active_customers')
  if (leaving) return [counting || rankingCount ? 'churned_customers' : 'churn_rate']
  if (roles.has('new') && counting) return ['new_customers']
  // "How many customers…", "which plan has the most customers", "customers by plan": a count of customers.
  const sizing = counting || roles.has('most') || roles.has('least') || (roles.has('by') && !roles.has('followup'))
  if (sizing && mentions.some((m) => m.id === 'active_customers')) return ['active_customers']
  return []
}

const churnWords = new Set(['churn_rate', 'churned_customers'])

// Two metric phrases side by side naming one thing: "lost … revenue" is churned MRR; a generic
// "customers" gives way to the specific phrase; otherwise the longer phrase is the more specific.
function oneThing(a: MetricMention, b: MetricMention): MetricMention {
  const ids = new Set([a.id, b.id])
  if (ids.has('mrr') && [...ids].some((id) => churnWords.has(id))) return { ...b, id: 'churned_mrr', key: `${a.key} ${b.key}` }
  if (a.id === 'active_customers') return b
  // "流失客户的满意度", "新客户的流失率": a group of customers first, then the figure asked about it.
  if (a.id === 'churned_customers' && b.id !== 'churn_rate') return b
  if ((a.id === 'new_customers' || a.id === 'reactivated_customers') && b.id !== a.id) return b
  if (b.id === 'active_customers') return a
  // "refunded to churned customers": the figure comes first, the churners after it are who it is about.
  if (b.id === 'churned_customers' && !churnWords.has(a.id)) return a
  return b.key.length > a.key.length ? b : a
}
