import { describe, expect, it } from 'vitest'
import { composeAnswer } from '../../../src/model/offline/compose-answer.js'
import type { ToolOutcome } from '../../../src/model/offline/history.js'
import { catalogFixture } from './catalog-fixture.js'

const catalog = catalogFixture()
const chart = { spec: { type: 'bar' }, mermaid: 'xychart-beta' }
const churnMetric = { id: 'churn_rate', name: { en: 'Customer churn rate', zh: '客户流失率' }, unit: 'percent', formula: 'churned in period ÷ active at period start × 100%', higherIsBetter: false }
const definition = 'churn = subscription cancelled or not renewed (counted on the cancellation date)'
const q3 = { from: '2026-07-01', to: '2026-10-01', label: '2026-Q3' }
const byPlan: ToolOutcome = {
  toolName: 'query_metric', input: { metric: 'churn_rate', by: ['plan'] },
  output: {
    kind: 'metric', metric: churnMetric, period: q3, by: ['plan'], where: {},
    headline: { value: 8.07, parts: {}, previous: { period: '2026-Q2', value: 7.41 }, change: 0.66, changeUnit: 'percentage points' },
    rows: [{ plan: 'Enterprise', value: 0.7, churned: 2, active_start: 285 }, { plan: 'Starter', value: 14.42, churned: 150, active_start: 1040 }],
    ranking: { highest: { segment: 'Starter', value: 14.42 }, lowest: { segment: 'Enterprise', value: 0.7 }, higherIsBetter: false },
    currency: 'USD', definition, churn: { kind: 'subscription' }, reading: { kind: 'average_monthly', months: 3 }, sql: [], rowCount: 2, chart,
  },
}

describe('composeAnswer: a head count split one way', () => {
  it("gives each row's share of the whole (what churners are made of)", () => {
    const countMetric = { id: 'churned_customers', name: { en: 'Churned customers', zh: '流失客户数' }, unit: 'count', formula: 'churned in period', higherIsBetter: false }
    const byContract: ToolOutcome = {
      toolName: 'query_metric', input: { metric: 'churned_customers', by: ['contract'] },
      output: {
        ...(byPlan.output as object), metric: countMetric, by: ['contract'], where: {}, reading: null,
        headline: { value: 1869, parts: {}, previous: null, change: null },
        // IBM Telco (Kaggle edition): 1,655 of the 1,869 churners were month-to-month (88.6%), 214 annual (11.4%).
        rows: [{ contract: 'Monthly', value: 1655 }, { contract: 'Annual', value: 214 }],
      },
    }
    const en = composeAnswer([byContract], catalog, 'en')
    expect(en).toContain('Monthly 1,655 (88.6%), Annual 214 (11.4%)')
    expect(composeAnswer([byContract], catalog, 'zh')).toContain('月付 1,655（88.6%），年付 214（11.4%）')
  })
})

describe('composeAnswer', () => {
  it('states each segment\'s number, the period, what stands out and the definition (English)', () => {
    expect(composeAnswer([byPlan], catalog, 'en')).toBe([
      'Customer churn rate by Plan, 2026-Q3 (2026-07-01 – 2026-09-30): Starter 14.4%, Enterprise 0.70%.',
      'Highest: Starter (14.4%); lowest: Enterprise (0.70%).',
      'Starter is 13.7 percentage points higher than Enterprise.',
      'Overall: 8.1%, +0.7 pp vs 2026-Q2 (7.4%).',
      `Definition: the average of 3 monthly churn rates (each: customers active on the 1st who left that month ÷ customers active on the 1st); ${definition}. Chart attached.`,
    ].join('\n'))
  })

  it('writes the same answer in Chinese, with the Chinese definition', () => {
    expect(composeAnswer([byPlan], catalog, 'zh')).toBe([
      '按套餐的客户流失率，2026-Q3（2026-07-01 – 2026-09-30）：入门版 14.4%，企业版 0.70%。',
      '最高：入门版（14.4%）；最低：企业版（0.70%）。',
      '入门版比企业版高13.7个百分点。',
      '整体：8.1%，较上一期（2026-Q2，7.4%）+0.7个百分点。',
      '口径：3个月月度流失率的平均（每月：月初活跃客户中当月流失的 ÷ 月初活跃客户）；流失 = 订阅取消或到期未续（取消日计为流失日）。（已附图表）',
    ].join('\n'))
  })

  it('calls a difference real only when the tool marks it significant', () => {
    const cmp: ToolOutcome = {
      toolName: 'compare_segments', input: { a: { status: 'churned' }, b: { status: 'retained' } },
      output: {
        kind: 'comparison', period: q3, a: { label: 'Churned', customers: 259 }, b: { label: 'Retained', customers: 3650 }, currency: 'USD', definition, chart,
        measures: [
          { id: 'tenure_months', name: 'Tenure (months)', unit: 'months', a: 9.8, b: 13.5, pValue: 0.0004, significant: true },
          { id: 'nps', name: 'NPS', unit: 'score', a: 5, b: 7, pValue: 0.41, significant: false },
        ],
      },
    }
    const text = composeAnswer([cmp], catalog, 'en')
    expect(text).toContain('Churned (259 customers) vs Retained (3,650 customers)')
    expect(text).toContain('- Tenure (months): 9.8 months vs 13.5 months (significant, p < 0.001)')
    expect(text).toContain('- NPS: 5.0 vs 7.0 (not significant)')
    expect(text).toContain('What stands out: Tenure (months) is clearly higher for Retained (9.8 months vs 13.5 months).')
  })

  it('names the top reason with its share and a verbatim quote', () => {
    const reasons: ToolOutcome = {
      toolName: 'churn_reasons', input: {},
      output: {
        kind: 'reasons', period: q3, source: 'churned', total: 259, definition, chart,
        categories: [
          { id: 'price', name: '价格因素', count: 74, share: 28.57, quotes: [{ date: '2026-09-28', source: 'exit_interview', text: '找到了更便宜的工具。' }] },
          { id: 'support', name: '服务体验不佳', count: 45, share: 17.37, quotes: [] },
        ],
      },
    }
    const text = composeAnswer([reasons], catalog, 'zh')
    expect(text).toContain('共259个流失客户）：价格因素 28.6%（74），服务体验不佳 17.4%（45）。')
    expect(text).toContain('首要原因是价格因素（28.6%），例如：“找到了更便宜的工具。”（流失客户访谈，2026-09-28）。')
  })

  it('says plainly when a value does not exist, lists the real ones, and gives no number', () => {
    const miss: ToolOutcome = {
      toolName: 'query_metric', input: { metric: 'churn_rate', filters: [{ dimension: 'plan', values: ['Platinum'] }] },
      output: { error: { code: 'unknown_value', message: '"Platinum" is not a value of Plan (plan). Valid values: Starter, Enterprise', valid: ['Starter', 'Enterprise'] } },
    }
    const text = composeAnswer([miss], catalog, 'en')
    expect(text).toMatch(/^There is no plan called "Platinum" in this data\. The plan values are: Starter, Enterprise\./)
    expect(text).not.toMatch(/\d+(\.\d+)?%/)
    expect(composeAnswer([miss], catalog, 'zh')).toMatch(/^数据里没有叫“Platinum”的套餐。可选的套餐有：Starter、Enterprise。/)
  })

  it('says when there is no value for the period instead of printing a number', () => {
    const empty: ToolOutcome = { ...byPlan, output: { ...(byPlan.output as object), by: [], rows: [], ranking: null, headline: { value: null, reason: 'no customers were active at the start of the period', parts: {}, previous: null, change: null } } }
    expect(composeAnswer([empty], catalog, 'en')).toMatch(/^There is no customer churn rate for 2026-Q3 \(2026-07-01 – 2026-09-30\): no customers were active at the start of the period\./)
  })
})

describe('a trend of money lost month by month', () => {
  it('totals the months instead of quoting the whole period read from its first and last month', () => {
    const churnedMrr = { id: 'churned_mrr', name: { en: 'Churned MRR', zh: '流失MRR' }, unit: 'currency', formula: 'Σ start MRR of customers who left', higherIsBetter: false, bucketsAddUp: true }
    const trend: ToolOutcome = {
      toolName: 'query_metric', input: { metric: 'churned_mrr', grain: 'month' },
      output: {
        kind: 'metric', metric: churnedMrr, period: q3, grain: 'month', by: [], where: {},
        headline: { value: 900, parts: {} },
        rows: [{ period: '2026-07', value: 400 }, { period: '2026-08', value: 300 }, { period: '2026-09', value: 500 }],
        currency: 'USD', definition, churn: { kind: 'subscription' }, sql: [], rowCount: 3, chart,
      },
    }
    const en = composeAnswer([trend], catalog, 'en')
    expect(en).toContain('Total of the 3 months: $1,200.')
    expect(en).not.toContain('Over the whole period')
    expect(composeAnswer([trend], catalog, 'zh')).toContain('各期合计：$1,200。')
  })
})
