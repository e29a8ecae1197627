import { addDays } from '../../time/dates.js'
import type { DataCatalog, MissingData } from '../../catalog/data-catalog.js'
import type { DateRange } from '../../time/calendar-ranges.js'
import { suggestionLine } from './suggestions.js'

/** Why the data cannot answer, said plainly, with questions it can answer. No number is invented. */
export type CannotReason =
  | { kind: 'future' }
  | { kind: 'out_of_range'; range: DateRange }
  | { kind: 'unknown_terms'; words: string[] }
  | { kind: 'unknown_segment'; raw: string }
  | { kind: 'unknown_breakdown'; raw: string }
  | { kind: 'not_understood' }
  | { kind: 'metric_without_data'; metric: string; missing: MissingData }

const missingWords: Record<MissingData, { en: string; zh: string }> = {
  nps_answers: { en: 'NPS survey answers', zh: 'NPS调查回答' },
  tickets: { en: 'support tickets', zh: '客服工单' },
  usage: { en: 'product usage records', zh: '产品使用记录' },
  acquisition_costs: { en: 'acquisition costs', zh: '获客成本' },
  churn_events: { en: 'a file of churn events', zh: '流失事件记录' },
  refunds: { en: 'refund amounts on churn events', zh: '流失事件的退款金额' },
  churn_flag: { en: 'a churn flag besides the churn records', zh: '流失记录之外的流失标记' },
  revenue: { en: 'revenue or charges per customer', zh: '客户的收入或费用' },
}

const quote = (s: string, lang: 'en' | 'zh') => (lang === 'zh' ? `“${s}”` : `"${s}"`)

/** The plain answer for a question the data cannot answer. */
export function cannotAnswerText(reason: CannotReason, catalog: DataCatalog, lang: 'en' | 'zh'): string {
  // A snapshot file observes only its churn window; dated data everything from the first signup.
  const cov = catalog.coverage
  const last = addDays(cov.to, -1)
  const span = cov.kind === 'snapshot'
    ? (lang === 'zh' ? `${cov.from} 至 ${last}（快照数据，只记录这一段时间的流失）` : `${cov.from} to ${last} (a snapshot: churn is observed in that window only)`)
    : (lang === 'zh' ? `${cov.from} 至 ${last}` : `${cov.from} to ${last}`)
  const dims = catalog.dimensions.map((d) => d.name[lang]).join(lang === 'zh' ? '、' : ', ')
  const without = new Set((catalog.metricsWithoutData ?? []).map((x) => x.metric))
  const metrics = catalog.metrics.filter((m) => !without.has(m.id)).slice(0, 8).map((m) => m.name[lang]).join(lang === 'zh' ? '、' : ', ')
  const head = (() => {
    switch (reason.kind) {
      case 'future':
        return lang === 'zh'
          ? `我不做预测：我只报告数据里已经发生的情况。数据覆盖 ${span}（截至 ${catalog.meta.asOf}）。可以先看看最近的趋势。`
          : `I can't forecast: I only report what the data shows has happened. The data covers ${span} (as of ${catalog.meta.asOf}); the recent trend is a good place to start.`
      case 'out_of_range':
        return lang === 'zh'
          ? `数据里没有这个时间段：数据覆盖 ${span}（截至 ${catalog.meta.asOf}），而所问的是 ${reason.range.from} 至 ${addDays(reason.range.to, -1)}。`
          : `The data has nothing for that period: it covers ${span} (as of ${catalog.meta.asOf}), and you asked about ${reason.range.from} to ${addDays(reason.range.to, -1)}.`
      case 'unknown_terms':
        return lang === 'zh'
          ? `这些数据里没有${reason.words.map((w) => quote(w, lang)).join('、')}。我能计算的指标包括：${metrics}等。`
          : `I don't have ${reason.words.map((w) => quote(w, lang)).join(', ')} in this data. The metrics I can compute include ${metrics}.`
      case 'unknown_segment':
        return lang === 'zh'
          ? `数据里找不到${quote(reason.raw, lang)}。可以按这些维度筛选或分组：${dims}。`
          : `I couldn't find ${quote(reason.raw, lang)} in this data. You can filter or break down by: ${dims}.`
      case 'unknown_breakdown':
        return lang === 'zh'
          ? `不能按${quote(reason.raw, lang)}分组：它不是这份数据的维度。可以按这些维度分组：${dims}。`
          : `I can't break results down by ${quote(reason.raw, lang)}: it is not a segment in this data. You can break down by: ${dims}.`
      case 'metric_without_data': {
        const name = catalog.metrics.find((m) => m.id === reason.metric)?.name[lang] ?? reason.metric
        const what = missingWords[reason.missing][lang]
        return lang === 'zh'
          ? `这份数据里没有${what}，所以无法计算${name}。我能计算的指标包括：${metrics}等。`
          : `This data has no ${what}, so it cannot give the ${name}. The metrics I can compute include ${metrics}.`
      }
      case 'not_understood':
        return lang === 'zh'
          ? '抱歉，我没有理解这个问题。我根据公司数据回答客户流失、留存、收入和客户反馈相关的问题。'
          : "Sorry, I didn't understand that. I answer questions about churn, retention, revenue and customer feedback from this company's data."
    }
  })()
  return `${head}\n\n${suggestionLine(catalog, lang)}`
}
