import { describe, expect, it } from 'vitest'
import { tableOf, toCsv } from '../../../../src/adapters/web/client/csv.js'

describe('CSV of a result table', () => {
  it('takes metric rows with every column in first-seen order', () => {
    const t = tableOf({ rows: [{ period: '2026-01', value: 2.3, churned: 10 }, { period: '2026-02', value: null, reason: 'no customers', churned: 0 }] })
    expect(t!.columns).toEqual(['period', 'value', 'churned', 'reason'])
    expect(toCsv(t!)).toBe('\ufeffperiod,value,churned,reason\r\n2026-01,2.3,10,\r\n2026-02,,0,no customers\r\n')
  })

  it('flattens cohort retention into M0…Mn columns', () => {
    const t = tableOf({ cohorts: [{ cohort: '2026-01', size: 40, retention: [100, 92.5, 80] }] })
    expect(toCsv(t!)).toBe('\ufeffcohort,size,M0,M1,M2\r\n2026-01,40,100,92.5,80\r\n')
  })

  it('quotes commas, quotes and newlines; defuses spreadsheet formulas; keeps Chinese', () => {
    const t = { columns: ['plan', 'note'], rows: [{ plan: 'Pro, annual', note: 'said "too pricey"\nthen left' }, { plan: '=HYPERLINK("x")', note: '-5' }, { plan: '套餐甲', note: -5 }] }
    expect(toCsv(t)).toBe('\ufeffplan,note\r\n"Pro, annual","said ""too pricey""\nthen left"\r\n"\'=HYPERLINK(""x"")",\'-5\r\n套餐甲,-5\r\n')
  })

  it('has no table for outputs without rows', () => {
    expect(tableOf({ kind: 'description', dimensions: [] })).toBeNull()
    expect(tableOf({ rows: [] })).toBeNull()
    expect(tableOf(null)).toBeNull()
  })
})
