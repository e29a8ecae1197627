import type { DataCatalog } from '../../catalog/data-catalog.js'
import { suggestionLine } from './suggestions.js'
import type { Coverage } from '../../catalog/coverage.js'
import { addDays } from '../../time/dates.js'

type Lang = 'en' | 'zh'
type Filter = { dimension: string; values: string[] }

/**
 * The answer when a tool could not run the question (`{error}` data, or a failed call): what was
 * wrong, in plain words, and questions that work. No number is given.
 */
export function composeError(error: { code: string; message: string; valid?: string[]; coverage?: Coverage; asked?: { from: string; to: string } }, input: Record<string, unknown>, catalog: DataCatalog, lang: Lang): string {
  let text: string
  if (error.code === 'unknown_value' && error.valid) {
    const filters = [input.filters, (input.a as { filters?: Filter[] } | undefined)?.filters, (input.b as { filters?: Filter[] } | undefined)?.filters].flat().filter(Boolean) as Filter[]
    const bad = filters.flatMap((f) => f.values.filter((v) => !error.valid!.some((x) => x.toLowerCase() === v.toLowerCase())).map((v) => ({ dim: f.dimension, v })))[0]
    const dim = catalog.dimensions.find((d) => d.id === bad?.dim)
    const valid = error.valid.slice(0, 12).join(lang === 'zh' ? '、' : ', ')
    text = bad && dim
      ? (lang === 'zh' ? `数据里没有叫“${bad.v}”的${dim.name.zh}。可选的${dim.name.zh}有：${valid}。` : `There is no ${dim.name.en.toLowerCase()} called "${bad.v}" in this data. The ${dim.name.en.toLowerCase()} values are: ${valid}.`)
      : (lang === 'zh' ? `数据里没有这个值。可选值有：${valid}。` : `That value is not in the data. Valid values: ${valid}.`)
  } else if (error.code === 'bad_period' && error.coverage) {
    text = coverageText(error.coverage, error.asked, lang)
  } else if (error.code === 'bad_period') {
    text = lang === 'zh' ? '这个时间段算不出来，请换一个时间段。' : `That period doesn't work: ${error.message}`
  } else {
    text = lang === 'zh' ? `这个问题没能查询成功：${error.message}` : `I couldn't answer that from the data: ${error.message}`
  }
  return `${text}\n${suggestionLine(catalog, lang)}`
}

/** What the data observes, said in the user's language, for a period it cannot answer. */
export function coverageText(c: Coverage, asked: { from: string; to: string } | undefined, lang: Lang): string {
  const span = `${c.from} – ${addDays(c.to, -1)}`
  const ask = asked ? `${asked.from} – ${addDays(asked.to, -1)}` : ''
  if (c.kind === 'snapshot') {
    return lang === 'zh'
      ? `无法回答：这份数据是快照（每个客户一行，只有是否流失，没有日期），只记录了 ${span} 这一段时间内的流失${ask ? `，不能单独算 ${ask}` : ''}，也不能拆成按月或按年的趋势。`
      : `This data cannot answer that: it is a snapshot (one row per customer with a churn flag, no dates) that observes churn only in ${span} as a whole${ask ? `, so it cannot give ${ask} on its own` : ''}, nor a trend over time.`
  }
  return lang === 'zh'
    ? `无法回答：数据只覆盖 ${span}${ask ? `，没有 ${ask} 的数据` : ''}。`
    : `This data cannot answer that: it covers ${span}${ask ? ` and has nothing for ${ask}` : ''}.`
}
