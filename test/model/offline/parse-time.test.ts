import { describe, expect, it } from 'vitest'
import { normalise } from '../../../src/model/offline/normalise.js'
import { parseTime } from '../../../src/model/offline/parse-time.js'
import { resolvePeriod } from '../../../src/time/period.js'

const asOf = '2026-11-01'
const dataStart = '2023-11-01'
const time = (q: string) => {
  const n = normalise(q)
  return parseTime(n.text, n.cased, { asOf, dataStart })
}
// The [from, to) the tools will resolve the period to.
const range = (q: string) => {
  const p = time(q).period
  if (!p) return undefined
  const r = resolvePeriod(p, asOf, dataStart)
  return `${r.from}..${r.to}`
}

describe('parseTime', () => {
  it.each([
    ['What was churn last quarter?', '2026-07-01..2026-10-01'],
    ['churn last month', '2026-10-01..2026-11-01'],
    ['churn since March', '2026-03-01..2026-11-01'],
    ['churn since March 2025', '2025-03-01..2026-11-01'],
    ['new customers in 2025', '2025-01-01..2026-01-01'],
    ['churn over the last 6 months', '2026-05-01..2026-11-01'],
    ['churn over the last two quarters', '2026-04-01..2026-10-01'],
    ['churn in the past 90 days', '2026-08-03..2026-11-01'],
    ['revenue churn in Q3 2025', '2025-07-01..2025-10-01'],
    ['churn in March 2025', '2025-03-01..2025-04-01'],
    ['retention in the first half of 2026', '2026-01-01..2026-07-01'],
    ['churn between January and March', '2026-01-01..2026-04-01'],
    ['churn ytd', '2026-01-01..2026-11-01'],
    ['churn last year', '2025-01-01..2026-01-01'],
    ['上个季度的流失率', '2026-07-01..2026-10-01'],
    ['过去6个月的流失率', '2026-05-01..2026-11-01'],
    ['过去六个月的流失率', '2026-05-01..2026-11-01'],
    ['今年以来的净收入留存率', '2026-01-01..2026-11-01'],
    ['2025年3月的流失率', '2025-03-01..2025-04-01'],
    ['去年的收入流失率', '2025-01-01..2026-01-01'],
    ['2025年第三季度的流失率', '2025-07-01..2025-10-01'],
    ['3月以来的流失率', '2026-03-01..2026-11-01'],
    ['2026年上半年的留存率', '2026-01-01..2026-07-01'],
    ['前年的流失率', '2024-01-01..2025-01-01'],
    ['那2024年呢？', '2024-01-01..2025-01-01'],
    ['上上个月的流失率', '2026-09-01..2026-10-01'],
    ['上上个季度的流失率', '2026-04-01..2026-07-01'],
    ['最近半年的流失趋势', '2026-05-01..2026-11-01'],
  ])('%s → %s', (q, expected) => {
    expect(range(q)).toBe(expected)
  })

  it('passes relative periods by name so the tools resolve them against the as-of date', () => {
    expect(time('churn last quarter').period).toEqual({ relative: 'last_quarter' })
    expect(time('过去6个月').period).toEqual({ relative: 'last_n_months', n: 6 })
    expect(time('churn').period).toBeUndefined()
  })

  it('reads grains, but not when "monthly" or 按月 name a contract', () => {
    expect(time('Show me monthly MRR for 2025').grain).toBe('month')
    expect(time('quarterly churn since 2024').grain).toBe('quarter')
    expect(time('按季度看流失率').grain).toBe('quarter')
    expect(time('Are monthly-contract customers churning?').grain).toBeUndefined()
    expect(time('按月付客户的流失率').grain).toBeUndefined()
    expect(time('按月看流失率').grain).toBe('month')
  })

  it('spans two periods named together, bucketed so each shows ("Q2 vs Q3", "this year vs last year")', () => {
    expect(time('Compare Q2 and Q3 churn')).toMatchObject({ period: { from: '2026-04-01', to: '2026-10-01' }, grain: 'quarter' })
    expect(time('churn rate Sept 2025 vs Oct 2025')).toMatchObject({ period: { from: '2025-09-01', to: '2025-11-01' }, grain: 'month' })
    expect(time('compare this year with last year')).toMatchObject({ period: { from: '2025-01-01', to: '2026-11-01' }, grain: 'year' })
  })

  it('flags the future and periods wholly outside the data', () => {
    expect(time("Predict next quarter's churn").future).toBe(true)
    expect(time('下个季度的流失率会是多少').future).toBe(true)
    expect(time('churn in 2030').outOfRange).toEqual({ from: '2030-01-01', to: '2031-01-01' })
    expect(time('2019年的流失率').outOfRange).toEqual({ from: '2019-01-01', to: '2020-01-01' })
    expect(time('churn in 2030').period).toBeUndefined()
  })

  it('blanks the time words out so the lexicon does not read them again', () => {
    const t = time('churn by plan in Q3 2025')
    expect(t.text.trim()).toBe('churn by plan in')
    expect(t.text.length).toBe('churn by plan in q3 2025'.length)
  })
})

describe('parseTime: a list of months', () => {
  it.each([
    ['monthly churn rate in October, November and December 2024', '2024-10-01..2025-01-01'],
    ['churn in August, September and October', '2026-08-01..2026-11-01'],
    ['2025年10月、11月和12月的流失率', '2025-10-01..2026-01-01'],
  ])('%s → %s month by month', (q, expected) => {
    expect(range(q)).toBe(expected)
    expect(time(q).grain).toBe('month')
  })
})
