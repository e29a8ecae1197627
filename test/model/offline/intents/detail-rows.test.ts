import { describe, expect, it } from 'vitest'
import type { DataCatalog } from '../../../../src/catalog/data-catalog.js'
import type { DetailFieldDef } from '../../../../src/catalog/detail-source.js'
import { planTools } from '../../../../src/model/offline/plan-tools.js'
import { catalogFixture } from '../catalog-fixture.js'

const field = (id: string, kind: DetailFieldDef['kind'], en: string, zh: string, synonyms: string[] = []): DetailFieldDef =>
  ({ id, kind, name: { en, zh }, synonyms: { en: synonyms, zh: [] }, unit: kind === 'number' ? 'count' : 'number', values: [] })

/** A SaaS import's catalog: usage rows and subscriptions kept as detail rows, beside the customer-level plan. */
function withDetails(): DataCatalog {
  const base = catalogFixture()
  return {
    ...base,
    details: [
      { id: 'subscriptions', name: { en: 'Subscriptions', zh: '订阅' }, synonyms: { en: ['subscription'], zh: [] }, hasEnded: true,
        fields: [field('plan', 'category', 'Plan', '套餐', ['plan tier']), field('mrr', 'number', 'Monthly charge', '月费', ['mrr amount', 'mrr']), field('auto_renew', 'yes_no', 'Auto-renew', '自动续费', ['auto renew'])] },
      { id: 'usage', name: { en: 'Usage records', zh: '使用记录' }, synonyms: { en: ['usage'], zh: ['功能使用记录'] }, hasEnded: false,
        fields: [field('feature', 'category', 'Feature', '功能', ['feature name']), field('usage', 'number', 'Usage count', '使用次数', ['usage count'])] },
    ],
  }
}

const catalog = withDetails()
const calls = (q: string) => {
  const p = planTools(q, { catalog, previous: [] })
  return 'calls' in p ? p.calls : p.text
}

describe('questions about kept child rows', () => {
  it.each([
    ['Which feature gets used the most (total usage count)?', { source: 'usage', measure: 'usage', by: 'feature', focus: 'total' }],
    ['流失账户的功能使用记录，平均每条使用次数是多少？和其他账户比呢？', { source: 'usage', measure: 'usage', byStatus: true, focus: 'mean' }],
    ['开了自动续费和没开自动续费的订阅，流失比例差多少？', { source: 'subscriptions', by: 'auto_renew', focus: 'ended_share' }],
    ["What's the total MRR of the subscriptions that churned?", { source: 'subscriptions', measure: 'mrr', byEnded: true, focus: 'total' }],
  ])('%s → detail_summary', (q, input) => {
    expect(calls(q)).toEqual([{ toolName: 'detail_summary', input: { ...input, language: /[\u4e00-\u9fff]/.test(q) ? 'zh' : 'en' } }])
  })

  it.each([
    'Churn rate by plan?',
    'Which plan loses the most customers?',
    'What was churn in Q3 2026 by feature?',
  ])('%s stays with the customer-level tools (a field the customers also have, or a period asked)', (q) => {
    const out = calls(q)
    expect(Array.isArray(out) ? out.map((c) => c.toolName) : []).not.toContain('detail_summary')
  })
})
