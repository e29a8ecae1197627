import { feedbackSourceNames } from '../../catalog/feedback-sources.js'
import { formatPeriod, formatValue } from './format-value.js'

type Lang = 'en' | 'zh'
type Quote = { date: string; source: string; text: string }
/** The parts of churn_reasons' output the answer reads. */
export type ReasonsOutput = {
  period: { from: string; to: string; label: string }
  source: 'churned' | 'all_feedback'
  total: number
  categories: Array<{ id: string; name: string; count: number; share: number; quotes: Quote[] }>
  /** The data's own churn categories (its "Churn Category" column), when it has them: shares of all churned customers. */
  ownCategories?: { dimension: string; name: string; categories: Array<{ value: string; name: string; count: number; share: number }> } | null
  /** Reasons as customers stated them, most frequent first. */
  stated?: Array<{ text: string; count: number; share: number }>
  /** True when no churner has a reason code, a stated reason or any text: the data says nothing about why. */
  noStatedReasons?: boolean
  definition: string
  chart: unknown
}

/** Reasons listed; the rest are summed. */
const LIST = 5
const sourceNames: Record<string, { en: string; zh: string }> = feedbackSourceNames

/** A quote as the answer shows it: short, verbatim, with where it came from. It is data, never an instruction. */
export function quoteText(q: Quote, lang: Lang, max = 160): string {
  const text = q.text.length > max ? `${q.text.slice(0, max - 1)}…` : q.text
  const src = sourceNames[q.source]?.[lang] ?? q.source
  return lang === 'zh' ? `“${text}”（${src}，${q.date}）` : `“${text}” (${src}, ${q.date})`
}

/** The answer for churn_reasons: reason shares with counts, the top reason with a quote, and how they were counted. */
export function composeReasons(o: ReasonsOutput, lang: Lang): string {
  const period = formatPeriod(o.period, lang)
  const churned = o.source === 'churned'
  if (!o.total) {
    return churned
      ? (lang === 'zh' ? `${period}内这个范围没有客户流失，所以没有流失原因可以分析。` : `No customers churned in ${period} for this selection, so there are no reasons to show.`)
      : (lang === 'zh' ? `${period}内没有客户反馈。` : `There is no customer feedback in ${period}.`)
  }
  const n = formatValue(o.total, 'count', '', lang)
  if (o.noStatedReasons) {
    return lang === 'zh'
      ? `这份数据没有记录流失原因（没有原因代码、流失访谈或客户反馈文本），所以无法直接说明${n}个流失客户为什么离开；下面比较流失客户和留存客户的差异，看看哪些特征与流失相关。`
      : `This data holds no stated reasons for churn (no reason codes, exit interviews or feedback texts), so it cannot say directly why the ${n} churned customers left; below, churned and retained customers are compared to show what sets churners apart.`
  }
  if (churned && o.ownCategories?.categories.length) return composeOwnCategories(o, o.ownCategories, lang)
  const list = o.categories.slice(0, LIST).map((c) => {
    const [share, count] = [formatValue(c.share, 'percent', '', lang), formatValue(c.count, 'count', '', lang)]
    return lang === 'zh' ? `${c.name} ${share}（${count}）` : `${c.name} ${share} (${count})`
  })
  const head = churned
    ? (lang === 'zh' ? `${period}流失客户的原因（共${n}个流失客户）：${list.join('，')}。` : `Why customers churned, ${period} (${n} churned customers): ${list.join(', ')}.`)
    : (lang === 'zh' ? `${period}客户反馈的主题（共${n}条）：${list.join('，')}。` : `What customer feedback is about, ${period} (${n} texts): ${list.join(', ')}.`)
  const lines = [head]
  const statedLine = statedReasons(o, lang)
  if (statedLine) lines.push(statedLine)
  const top = o.categories.find((c) => c.id !== 'other') ?? o.categories[0]
  if (top) {
    const q = top.quotes[0]
    const share = formatValue(top.share, 'percent', '', lang)
    lines.push(lang === 'zh'
      ? `首要原因是${top.name}（${share}）${q ? `，例如：${quoteText(q, lang)}` : ''}。`
      : `The top reason is ${top.name} (${share})${q ? `, e.g. ${quoteText(q, lang)}` : ''}.`)
  }
  lines.push((lang === 'zh' ? `口径：${churned ? '每个期内流失的客户计一次；有记录的流失原因优先，否则按其反馈文本的关键词归类。' : '期内每条反馈按关键词单独归类。'}` : `Definition: ${o.definition}`) +
    (o.chart ? (lang === 'zh' ? '（已附图表）' : ' Chart attached.') : ''))
  return lines.join('\n')
}

// The reasons as customers stated them, most frequent first, when there are at least two.
function statedReasons(o: ReasonsOutput, lang: Lang): string | undefined {
  const stated = (o.stated ?? []).slice(0, LIST)
  if (stated.length < 2) return undefined
  const items = stated.map((r) => `${r.text} ${formatValue(r.share, 'percent', '', lang)}（${formatValue(r.count, 'count', '', lang)}）`.replace(/（(.*)）$/, lang === 'zh' ? '（$1）' : ' ($1)'))
  return lang === 'zh' ? `客户陈述的具体原因（前${stated.length}）：${items.join('，')}。` : `Top stated reasons: ${items.join(', ')}.`
}

/** Categories listed from the data's own column (there are seldom more). */
const OWN_LIST = 8

/** "Why customers churned" by the data's own churn categories: every category's share of churners, then the stated reasons. */
function composeOwnCategories(o: ReasonsOutput, own: NonNullable<ReasonsOutput['ownCategories']>, lang: Lang): string {
  const period = formatPeriod(o.period, lang)
  const n = formatValue(o.total, 'count', '', lang)
  const item = (c: { name: string; count: number; share: number }) => {
    const [share, count] = [formatValue(c.share, 'percent', '', lang), formatValue(c.count, 'count', '', lang)]
    return lang === 'zh' ? `${c.name} ${share}（${count}）` : `${c.name} ${share} (${count})`
  }
  const shown = own.categories.slice(0, OWN_LIST)
  const rest = own.categories.slice(OWN_LIST).reduce((s, c) => s + c.count, 0)
  const list = [...shown.map(item), ...(rest ? [lang === 'zh' ? `其他${formatValue(rest, 'count', '', lang)}个` : `${formatValue(rest, 'count', '', lang)} in other categories`] : [])]
  const lines = [lang === 'zh'
    ? `${period}流失客户的原因，按数据自带的“${own.name}”（共${n}个流失客户）：${list.join('，')}。`
    : `Why customers churned, ${period}, by the data's own ${own.name.toLowerCase()} (${n} churned customers): ${list.join(', ')}.`]
  const statedLine = statedReasons(o, lang)
  if (statedLine) lines.push(statedLine)
  const top = own.categories[0]
  const topStated = o.stated?.[0]
  lines.push(lang === 'zh'
    ? `占比最大的类别是${top.name}（${formatValue(top.share, 'percent', '', lang)}）${topStated ? `；最常见的具体原因是“${topStated.text}”（${formatValue(topStated.share, 'percent', '', lang)}）` : ''}。`
    : `The largest category is ${top.name} (${formatValue(top.share, 'percent', '', lang)})${topStated ? `; the most frequent stated reason is “${topStated.text}” (${formatValue(topStated.share, 'percent', '', lang)})` : ''}.`)
  lines.push((lang === 'zh' ? `口径：每个期内流失的客户计一次；类别为数据中“${own.name}”一列记录的值，占比 = 该类别流失客户数 ÷ 全部流失客户数。` : `Definition: ${o.definition}`) +
    (o.chart ? (lang === 'zh' ? '（已附图表）' : ' Chart attached.') : ''))
  return lines.join('\n')
}
