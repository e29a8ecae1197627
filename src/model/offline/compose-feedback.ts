import { feedbackSourceNames } from '../../catalog/feedback-sources.js'
import { quoteText } from './compose-reasons.js'
import { formatPeriod, formatValue } from './format-value.js'

type Lang = 'en' | 'zh'
/** The parts of search_feedback's output the answer reads. */
export type FeedbackOutput = {
  period: { from: string; to: string; label: string }
  keywords: string[]
  terms: string[]
  total: number
  bySource: Array<{ source: string; matches: number }>
  items: Array<{ date: string; source: string; churned: boolean; text: string }>
  chart: unknown
}

/** Quotes shown; the rest are counted. */
const QUOTES = 3
const sourceNames: Record<string, { en: string; zh: string }> = feedbackSourceNames

/** The answer for search_feedback: how many texts match, where they come from, and the newest verbatim quotes. */
export function composeFeedback(o: FeedbackOutput, lang: Lang, churnedOnly: boolean): string {
  // Any keyword may match, so they are joined with "or".
  const quoted = o.keywords.map((k) => (lang === 'zh' ? `“${k}”` : `"${k}"`))
  const words = quoted.length > 1 ? `${quoted.slice(0, -1).join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? '或' : ' or '}${quoted.at(-1)}` : quoted.join('')
  const extra = o.terms.filter((t) => !o.keywords.map((k) => k.toLowerCase()).includes(t)).slice(0, 6)
  const also = extra.length ? (lang === 'zh' ? `（含相关词：${extra.join('、')}）` : ` (also: ${extra.join(', ')})`) : ''
  const who = churnedOnly ? (lang === 'zh' ? '流失客户的' : 'from churned customers ') : ''
  const period = formatPeriod(o.period, lang)
  if (!o.total) {
    return lang === 'zh'
      ? `${period}没有找到提到${words}${also}的${who}反馈。可以换个说法，或放宽时间范围。`
      : `No feedback ${who}mentions ${words}${also} in ${period}. Try other words or a longer period.`
  }
  const n = formatValue(o.total, 'count', '', lang)
  const src = o.bySource.map((s) => `${sourceNames[s.source]?.[lang] ?? s.source} ${formatValue(s.matches, 'count', '', lang)}`)
  const lines = [lang === 'zh'
    ? `${period}共有${n}条${who}反馈提到${words}${also}：${src.join('，')}。`
    : `${n} feedback texts ${who}mention ${words}${also}, ${period}: ${src.join(', ')}.`]
  // Quotes in the asker's language first; the newest-first order holds within each language.
  const ordered = [...o.items.filter((i) => isLang(i.text, lang)), ...o.items.filter((i) => !isLang(i.text, lang))]
  // Pick-list reasons repeat word for word; one of each is enough.
  const items = ordered.filter((i, k) => ordered.findIndex((j) => j.text === i.text) === k)
  const quotes = items.slice(0, QUOTES).map((i) => `- ${quoteText({ date: i.date, source: i.source, text: i.text }, lang)}${i.churned ? (lang === 'zh' ? ' [已流失]' : ' [churned]') : ''}`)
  lines.push(lang === 'zh' ? '最新的几条：' : 'Newest:', ...quotes)
  lines.push((lang === 'zh' ? '说明：按关键词匹配原文，不判断情绪；引述是客户原话。' : 'Method: keyword match on the verbatim texts (no sentiment); quotes are customers\' own words.') +
    (o.chart ? (lang === 'zh' ? '（已附图表）' : ' Chart attached.') : ''))
  return lines.join('\n')
}

function isLang(text: string, lang: Lang): boolean {
  return /\p{Script=Han}/u.test(text) === (lang === 'zh')
}
