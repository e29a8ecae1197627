import { describe, expect, it } from 'vitest'
import { partOfWholeLines } from '../../../src/model/offline/part-of-whole.js'
import { planTools } from '../../../src/model/offline/plan-tools.js'
import { catalogFixture } from './catalog-fixture.js'

const metricOut = (from: string, to: string, label: string, value: number) => ({
  kind: 'metric', metric: { id: 'churn_events', name: { en: 'Churn events', zh: '流失事件数' }, unit: 'count' }, period: { from, to, label }, by: [], headline: { value }, rows: [], currency: 'USD',
})

describe('part of the whole', () => {
  it('asks a count again over the enclosing year when the question wants its share of the year', () => {
    const plan = planTools('2026年第二季度新增了多少客户？占全年的比例是多少？', { catalog: catalogFixture(), previous: [] })
    const periods = 'calls' in plan ? plan.calls.filter((c) => c.toolName === 'query_metric').map((c) => c.input.period) : []
    expect(periods).toContainEqual({ from: '2026-01-01', to: '2027-01-01' })
  })

  it('states the part ÷ the whole (251 of 527 = 47.6%)', () => {
    const outcomes = [metricOut('2024-10-01', '2025-01-01', '2024-Q4', 251), metricOut('2024-01-01', '2025-01-01', '2024', 527)]
      .map((output) => ({ toolName: 'query_metric', input: {}, output }))
    expect(partOfWholeLines(outcomes as never, 'en')).toEqual(["Share: 2024-Q4's churn events (251) is 47.6% of 2024's (527)."])
    expect(partOfWholeLines(outcomes as never, 'zh')[0]).toContain('47.6%')
  })
})
