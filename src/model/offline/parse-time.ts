import type { Grain } from '../../catalog/types.js'
import { addMonths, monthsBetween } from '../../time/dates.js'
import { resolvePeriod, type PeriodInput } from '../../time/period.js'
import { halfRange, latestComplete, latestMonthStart, monthRange, monthsRange, quarterRange, yearRange, type DateRange } from '../../time/calendar-ranges.js'

/** What the time words of a question say: the period (relative names or absolute dates), grain, and flags. */
export type TimeInfo = {
  period?: PeriodInput
  grain?: Grain
  /** Asks about the future ("next quarter", "预测"): the data cannot answer. */
  future: boolean
  /** The period lies wholly outside the data. */
  outOfRange?: DateRange
  /** The question with the time words blanked out, so the lexicon does not read "3" or "monthly" again. */
  text: string
  cased: string
}

type Found = { period?: PeriodInput; range?: DateRange; grain?: Grain; future?: boolean }
type Ctx = { asOf: string }
type Rule = [RegExp, (m: RegExpExecArray, ctx: Ctx) => Found]

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH = '\\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const YEAR = '((?:19|20)\\d\\d)'
const mon = (s: string) => months.indexOf(s.slice(0, 3)) + 1
const ordinal: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 }
const rel = (relative: NonNullable<PeriodInput['relative']>, n?: number): Found => ({ period: { relative, ...(n ? { n } : {}) } })
const lastN = (n: number, unit: string): Found =>
  /day|天|日/.test(unit) ? rel('last_n_days', n)
    : /week|周|星期/.test(unit) ? rel('last_n_days', n * 7)
      : /quarter|季/.test(unit) ? rel('last_n_quarters', n)
        : /year|年/.test(unit) ? rel('last_n_months', n * 12)
          : rel('last_n_months', n)
const notValue = '(?![- ]?(?:contract|billing|plan|customer|subscri|pay|term|user|account))'

// Most specific first: a matched span is blanked so later rules cannot read it again.
const rules: Rule[] = [
  [new RegExp(`(?:between|from) ${MONTH}(?: ${YEAR})? (?:and|to|through|-) ${MONTH}(?: ${YEAR})?`), (m, c) => {
    const y2 = Number(m[4] ?? m[2] ?? c.asOf.slice(0, 4))
    const y1 = Number(m[2] ?? (mon(m[1]) > mon(m[3]) ? y2 - 1 : y2))
    return { range: monthsRange(y1, mon(m[1]), y2, mon(m[3])) }
  }],
  [/(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:到|至|-|~)(\d{1,2})月(?:份)?/, (m, c) => {
    const y = Number(m[1] ?? c.asOf.slice(0, 4))
    return { range: monthsRange(y, Number(m[2]), y, Number(m[3])) }
  }],
  // A list of months ("October, November and December 2024", "10月、11月和12月"): the span from the first
  // to the last, month by month, so each named month gets its own figure.
  [new RegExp(`${MONTH}(?:(?:,\\s*|,?\\s+and\\s+|\\s*&\\s*)${MONTH})+(?:,?\\s+${YEAR})?`), (m, c) => monthList(m[0], m[m.length - 1], c)],
  [/(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:(?:、|，|,|和|及|与)(\d{1,2})月(?:份)?)+/, (m, c) => monthList(m[0], m[1], c)],
  [new RegExp(`(first|1st|second|2nd) half(?: of)?(?: ${YEAR})?|\\bh([12])(?: ${YEAR})?`), (m, c) => {
    const h = m[1] ? ordinal[m[1]] : Number(m[3])
    const y = m[2] ?? m[4]
    return { range: y ? halfRange(Number(y), h) : latestComplete(c.asOf, (yy) => halfRange(yy, h)) }
  }],
  [/(?:(\d{4})年)?(上|下)半年/, (m, c) => ({ range: m[1] ? halfRange(Number(m[1]), m[2] === '上' ? 1 : 2) : latestComplete(c.asOf, (y) => halfRange(y, m[2] === '上' ? 1 : 2)) })],
  [new RegExp(`\\bq([1-4])(?:[ -]?${YEAR})?|${YEAR}[ -]?q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?(?: ${YEAR})?`), (m, c) => {
    const q = Number(m[1] ?? m[4] ?? ordinal[m[5]])
    const y = m[2] ?? m[3] ?? m[6]
    return { range: y ? quarterRange(Number(y), q) : latestComplete(c.asOf, (yy) => quarterRange(yy, q)) }
  }],
  [/(?:(\d{4})年)?(?:第)?([1-4])(?:季度|季)|(?:(\d{4})年?)q([1-4])/, (m, c) => {
    const q = Number(m[2] ?? m[4])
    const y = m[1] ?? m[3]
    return { range: y ? quarterRange(Number(y), q) : latestComplete(c.asOf, (yy) => quarterRange(yy, q)) }
  }],
  [new RegExp(`since ${MONTH}(?: ${YEAR})?|(?:from|starting) ${MONTH}(?: ${YEAR})? (?:on|onwards|onward)`), (m, c) => {
    const mm = mon(m[1] ?? m[3])
    const y = m[2] ?? m[4]
    return { period: { from: y ? `${y}-${String(mm).padStart(2, '0')}-01` : latestMonthStart(c.asOf, mm) } }
  }],
  [new RegExp(`since ${YEAR}`), (m) => ({ period: { from: `${m[1]}-01-01` } })],
  [/(?:自|从)?(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:以来|起|开始|至今|到现在|后)/, (m, c) => {
    const mm = Number(m[2])
    return { period: { from: m[1] ? `${m[1]}-${String(mm).padStart(2, '0')}-01` : latestMonthStart(c.asOf, mm) } }
  }],
  [/(?:自|从)?(\d{4})年(?:以来|起|开始|至今)/, (m) => ({ period: { from: `${m[1]}-01-01` } })],
  [new RegExp(`${MONTH},? ${YEAR}|${YEAR}-(\\d{2})(?!-)`), (m) => ({ range: m[1] ? monthRange(Number(m[2]), mon(m[1])) : monthRange(Number(m[3]), Number(m[4])) })],
  [/(\d{4})年(\d{1,2})月(?:份)?/, (m) => ({ range: monthRange(Number(m[1]), Number(m[2])) })],
  [/(?:last|past|previous|prior|trailing|recent|over the last|in the last|the last|over the past|in the past|the past)\s+(\d+)\s*(months?|mos?|quarters?|qtrs?|days?|weeks?|years?)/, (m) => lastN(Number(m[1]), m[2])],
  [/(?:过去|最近|近|前)(\d+)(?:个)?(月|天|日|季度|季|年|周|星期)/, (m) => lastN(Number(m[1]), m[2])],
  [/(?:过去|最近|近)(?:这)?(?:一|1)?年/, () => rel('last_n_months', 12)],
  [/(?:过去|最近|近)(?:这)?(?:个)?半年|\b(?:last|past) half(?:[- ]a)? year\b/, () => rel('last_n_months', 6)],
  [/上上(?:个|一个)?月/, (_m, c) => ({ range: monthRange(Number(addMonths(c.asOf, -2).slice(0, 4)), Number(addMonths(c.asOf, -2).slice(5, 7))) })],
  [/上上(?:个|一个)?季度/, (_m, c) => { const d = addMonths(c.asOf, -6); return { range: quarterRange(Number(d.slice(0, 4)), Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1) } }],
  [/\b(?:last|previous|prior|past) month\b|上(?:个|一个|一)?月/, () => rel('last_month')],
  [/\b(?:this month|month to date|mtd)\b|本月|这个月|当月|这月/, () => rel('this_month')],
  [/\b(?:last|previous|prior) (?:quarter|qtr)\b|\blq\b|上(?:个|一个|一)?季度?/, () => rel('last_quarter')],
  [/\b(?:this|current) (?:quarter|qtr)\b|\bqtd\b|quarter to date|本季度|这个季度|这季度|当季/, () => rel('this_quarter')],
  [/\b(?:over|in|during) the (?:last|past) year\b|\bpast (?:year|12 months)\b|\bttm\b|\bl12m\b|trailing 12 months/, () => rel('last_n_months', 12)],
  [/\b(?:last|previous|prior) year\b|去年|上一年|上年/, () => rel('last_year')],
  [/\b(?:this year|so far this year|year to date|ytd)\b|今年(?:以来|至今|到现在)?|本年|年初至今|年初以来/, () => rel('this_year')],
  [/前年/, (_m, c) => ({ range: yearRange(Number(c.asOf.slice(0, 4)) - 2) })],
  [/\ball[- ]time\b|\bever\b|\bsince (?:the beginning|launch|inception|we started)\b|\bhistorically\b|至今|历史上|有史以来|所有时间|全部时间|一直以来|累计/, () => rel('all_time')],
  [/(\d{4})年(?:度)?/, (m) => ({ range: yearRange(Number(m[1])) })],
  [new RegExp(`\\b(?:in|during|for)?\\s*${YEAR}\\b(?!-)`), (m) => ({ range: yearRange(Number(m[1])) })],
  [new RegExp(`\\b(?:in|during) ${MONTH}\\b`), (m, c) => ({ range: latestComplete(c.asOf, (y) => monthRange(y, mon(m[1]))) })],
  [/(?<![\d个])(\d{1,2})月(?:份)?/, (m, c) => ({ range: latestComplete(c.asOf, (y) => monthRange(y, Number(m[1]))) })],
  [/\bnext (?:month|quarter|qtr|year|week|\d+ months?)\b|\bforecast|\bpredict|\bprojection|\bwill (?:\w+ )?be\b|\bgoing to be\b|\bupcoming\b|下(?:个|一个)?月|下(?:个|一个)?季度|明年|预测|将会|会是多少|未来/, () => ({ future: true })],
  [/\b(?:currently|current|right now|at the moment|today)\b|现在|目前|当前|眼下/, () => rel('last_month')],
  [new RegExp(`\\bmonthly${notValue}|\\b(?:by|per|each|every|which|what) month\\b|哪个月|哪一个?月|\\bmonth (?:by|over) month\\b|\\bmom\\b|每(?:个)?月|按月(?![付缴支计合签])|逐月|各月|月度(?!合同)`), () => ({ grain: 'month' })],
  [/\bquarterly\b|\b(?:by|per|each|every|which|what) quarter\b|哪个季度|哪一个?季度|\bquarter over quarter\b|\bqoq\b|每(?:个)?季度|按季度?|逐季|各季度/, () => ({ grain: 'quarter' })],
  [/\bweekly\b|\b(?:by|per|each|every) week\b|每周|按周|逐周/, () => ({ grain: 'week' })],
  [/\byearly\b|\bannually\b|\b(?:by|per|each|every) year\b|\byear over year\b|\byoy\b|每年(?![龄纪限费收薪级])|按年(?![付缴支计合签龄纪限费收薪级])|逐年|各年(?![龄纪限费收薪级])/, () => ({ grain: 'year' })],
  [/\bdaily\b|\b(?:by|per|each|every) day\b|每天|按天|每日/, () => ({ grain: 'day' })],
]

// The months named in a list (English names or "N月"), as one span read month by month.
function monthList(text: string, year: string | undefined, c: Ctx): Found {
  const named = [...text.matchAll(new RegExp(MONTH, 'g'))].map((x) => mon(x[1]))
  const nums = named.length > 0 ? named : [...text.matchAll(/(\d{1,2})月/g)].map((x) => Number(x[1]))
  const first = Math.min(...nums)
  const last = Math.max(...nums)
  if (!(first >= 1 && last <= 12)) return {}
  const range = year ? monthsRange(Number(year), first, Number(year), last) : latestComplete(c.asOf, (y) => monthsRange(y, first, y, last))
  return { range, grain: 'month' }
}

/**
 * Reads the time words of one clause, resolved against the data's as-of date (not the wall clock).
 * Two or more periods ("Q2 vs Q3", "this year vs last year") become the span covering them, bucketed
 * by the shortest one, so the answer shows each side.
 */
export function parseTime(text: string, cased: string, ctx: { asOf: string; dataStart: string }): TimeInfo {
  const out: TimeInfo = { future: false, text, cased }
  const periods: PeriodInput[] = []
  for (const [re, handle] of rules) {
    for (let m = re.exec(out.text); m && m[0].length; m = re.exec(out.text)) {
      const found = handle(m, ctx)
      const blank = (s: string) => s.slice(0, m!.index) + ' '.repeat(m![0].length) + s.slice(m!.index + m![0].length)
      out.text = blank(out.text)
      out.cased = blank(out.cased)
      if (found.future) out.future = true
      if (found.grain && !out.grain) out.grain = found.grain
      if (found.range) {
        const r = found.range
        if (r.to <= ctx.dataStart || r.from >= ctx.asOf) out.outOfRange ??= r
        else periods.push({ from: r.from, to: r.to > ctx.asOf ? ctx.asOf : r.to })
      } else if (found.period) {
        if (found.period.from && found.period.from >= ctx.asOf) out.outOfRange ??= { from: found.period.from, to: ctx.asOf }
        else periods.push(found.period)
      }
    }
  }
  if (periods.length === 1) out.period = periods[0]
  if (periods.length > 1) Object.assign(out, span(periods, ctx, out.grain))
  return out
}

// The span covering several periods, with a grain that gives each its own bucket(s).
function span(periods: PeriodInput[], ctx: { asOf: string; dataStart: string }, grain?: Grain): { period?: PeriodInput; grain?: Grain } {
  const resolved = periods.flatMap((p) => {
    try {
      return [resolvePeriod(p, ctx.asOf, ctx.dataStart)]
    } catch {
      return []
    }
  })
  if (!resolved.length) return {}
  const from = resolved.map((r) => r.from).sort()[0]
  const to = resolved.map((r) => r.to).sort().at(-1)!
  const shortest = Math.min(...resolved.map((r) => monthsBetween(r.from, r.to)))
  return { period: { from, to }, grain: grain ?? (shortest <= 1 ? 'month' : shortest <= 3 ? 'quarter' : 'year') }
}
