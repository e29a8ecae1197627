import { describe, expect, it } from 'vitest'
import { builtInMeasures } from '../../../src/catalog/measure.js'
import type { DataCatalog } from '../../../src/catalog/data-catalog.js'
import type { DimensionDef } from '../../../src/catalog/types.js'
import { planTools } from '../../../src/model/offline/plan-tools.js'
import { catalogFixture } from './catalog-fixture.js'
import { starterQuestions } from '../../../src/catalog/starter-questions.js'

const dim = (id: string, en: string, zh: string): DimensionDef => ({ id, name: { en, zh }, synonyms: { en: [], zh: [] }, values: {}, description: '', source: { kind: 'attribute' } })
const values = (...vs: string[]) => vs.map((value) => ({ value, customers: 10 }))

/** An imported snapshot like the IBM Telco files: services that only internet customers can have, a 已婚 trait, numeric attributes. */
function telcoLike(): DataCatalog {
  const base = catalogFixture()
  return {
    ...base,
    dimensions: [
      dim('internet_service', 'Internet service', '网络服务'), dim('online_security', 'Online security', '在线安全'),
      dim('streaming_tv', 'Streaming TV', '流媒体电视'), dim('married', 'Married', '已婚'), dim('senior_citizen', 'Senior citizen', '老年用户'),
      dim('offer', 'Offer', '优惠方案'),
    ],
    values: {
      internet_service: values('Fiber optic', 'DSL', 'No'), online_security: values('No', 'Yes', 'No internet service'),
      streaming_tv: values('No', 'Yes', 'No internet service'), married: values('No', 'Yes'), senior_citizen: values('No', 'Yes'),
      offer: values('None', 'Offer A', 'Offer B'),
    },
    measures: [...builtInMeasures, {
      id: 'satisfaction_score', name: { en: 'Satisfaction score', zh: '满意度评分' }, synonyms: { en: [], zh: [] }, unit: 'score',
      source: { kind: 'stored' }, integer: true,
    }, {
      id: 'age', name: { en: 'Age', zh: '年龄' }, synonyms: { en: [], zh: [] }, unit: 'years', source: { kind: 'stored' }, integer: true,
    }],
    coverage: { kind: 'snapshot', from: '2026-09-01', to: '2026-12-01' },
    // As an import of such a file has: no survey answers, so "满意度" can only be the satisfaction score.
    metricsWithoutData: [{ metric: 'nps', missing: 'nps_answers' }],
  }
}

const catalog = telcoLike()
const calls = (q: string) => {
  const p = planTools(q, { catalog, previous: [] })
  if (!('calls' in p)) throw new Error(`no tool calls for "${q}": ${p.text}`)
  return p.calls.map((c) => c.input)
}

describe('planTools on an imported snapshot: yes/no traits, populations, numeric cuts, compound questions', () => {
  it('reads "internet customers" / "宽带用户里" beside another trait as the group, not as a second breakdown', () => {
    expect(calls('Are internet customers with online security less likely to churn than internet customers without it?')).toEqual([
      { metric: 'churn_rate', by: ['online_security'], filters: [{ dimension: 'internet_service', values: ['Fiber optic', 'DSL'] }], language: 'en' },
    ])
    expect(calls('宽带用户里，开没开流媒体电视，流失率分别多少？')).toEqual([
      { metric: 'churn_rate', by: ['streaming_tv'], filters: [{ dimension: 'internet_service', values: ['Fiber optic', 'DSL'] }], language: 'zh' },
    ])
  })

  it('names the other side of a trait with non-, 非 and 未 (for a trait named with 已)', () => {
    expect(calls('seniors vs non-seniors churn rate')).toEqual([{ metric: 'churn_rate', by: ['senior_citizen'], language: 'en' }])
    expect(calls('老年客户是不是比非老年客户更容易流失？')).toEqual([{ metric: 'churn_rate', by: ['senior_citizen'], language: 'zh' }])
    expect(calls('已婚和未婚客户的流失率差多少？')).toEqual([{ metric: 'churn_rate', by: ['married'], language: 'zh' }])
  })

  it('keeps "no offer" as a row of the breakdown by offer, and "no internet" as a row of a service breakdown', () => {
    expect(calls('How does churn vary by offer (no offer, and offers A through B)?')).toEqual([{ metric: 'churn_rate', by: ['offer'], language: 'en' }])
    expect(calls('churn by online security (yes / no / no internet)')).toEqual([{ metric: 'churn_rate', by: ['online_security'], language: 'en' }])
  })

  it('cuts a numeric attribute where the question does, in both languages', () => {
    expect(calls('月费超过70美元的客户和70美元及以下的客户，流失率分别是多少？')).toEqual([
      { metric: 'churn_rate', bands: [{ measure: 'monthly_revenue', edges: [{ at: 70, equalBelow: true }] }], language: 'zh' },
    ])
    expect(calls('在网不满24个月的客户流失率是多少？')).toEqual([{ metric: 'churn_rate', bands: [{ measure: 'tenure_months', edges: [{ at: 24 }] }], language: 'zh' }])
    expect(calls('满意度打1分或2分的客户流失率是多少？')).toEqual([
      { metric: 'churn_rate', bands: [{ measure: 'satisfaction_score', edges: [{ at: 1 }, { at: 2, equalBelow: true }] }], language: 'zh' },
    ])
    expect(calls('Churn rate at each satisfaction score, 1 through 4')).toEqual([
      { metric: 'churn_rate', bands: [{ measure: 'satisfaction_score', edges: [1, 2, 3].map((at) => ({ at, equalBelow: true })) }], language: 'en' },
    ])
  })

  it('answers every part of a compound question', () => {
    expect(calls('Give me the attrition rate and the average age of the people who left.')).toEqual([
      { metric: 'churn_rate', language: 'en' }, { measure: 'age', byStatus: true, language: 'en' },
    ])
    expect(calls('一共流失了多少客户？占全部客户的比例是多少？')).toEqual([{ metric: 'churned_customers', language: 'zh' }, { metric: 'churn_rate', language: 'zh' }])
    expect(calls('How many customers churned, and what is their average age?')).toEqual([
      { metric: 'churned_customers', language: 'en' }, { measure: 'age', byStatus: true, language: 'en' },
    ])
    expect(calls('整体流失率多少？另外年龄的中位数，流失和留存客户各是多少？')).toEqual([
      { metric: 'churn_rate', language: 'zh' }, { measure: 'age', byStatus: true, language: 'zh' },
    ])
  })
})

describe('planTools on an imported snapshot: what the data cannot answer', () => {
  const text = (q: string, c: DataCatalog = catalog) => {
    const p = planTools(q, { catalog: c, previous: [] })
    if (!('text' in p)) throw new Error(`expected a direct answer for "${q}", got ${JSON.stringify(p.calls)}`)
    return p.text
  }
  it('says the data has no records for a metric instead of giving an empty figure', () => {
    const noNps = { ...catalog, metricsWithoutData: [{ metric: 'nps', missing: 'nps_answers' as const }] }
    expect(text('流失客户的满意度（NPS）怎么样？', noNps)).toMatch(/^这份数据里没有NPS调查回答，所以无法计算净推荐值。/)
    expect(text('What is our NPS?', noNps)).toMatch(/^This data has no NPS survey answers, so it cannot give the Net Promoter Score \(NPS\)\./)
  })
  it('refuses a ranking by a segment the data lacks, and a cut on an attribute it lacks', () => {
    expect(text('Which region has the most attrition?')).toMatch(/^I can't break results down by "region"/)
    const noAge = { ...catalog, measures: catalog.measures.filter((x) => x.id !== 'age') }
    expect(text('How does churn look for customers under 30? ', noAge)).toMatch(/^I couldn't find "under 30" in this data/)
  })
  it('reads an age-like cut as age when the data has it, and a bare 以下 as "under"', () => {
    expect(calls('How does churn look for customers under 30?')).toEqual([{ metric: 'churn_rate', bands: [{ measure: 'age', edges: [{ at: 30 }] }], language: 'en' }])
    expect(calls('30岁以下客户的流失率')).toEqual([{ metric: 'churn_rate', bands: [{ measure: 'age', edges: [{ at: 30 }] }], language: 'zh' }])
    expect(calls('60岁及以上客户的流失率')).toEqual([{ metric: 'churn_rate', bands: [{ measure: 'age', edges: [{ at: 60 }] }], language: 'zh' }])
    expect(calls('开了无限流量的客户流失率是多少？没开的呢？'.replace('无限流量', '在线安全'))).toEqual([{ metric: 'churn_rate', by: ['online_security'], language: 'zh' }])
  })
  it('carries a filter forward to later clauses only', () => {
    expect(calls('What is our churn by offer, and why are the Offer A customers leaving?')).toEqual([
      { metric: 'churn_rate', by: ['offer'], language: 'en' },
      { filters: [{ dimension: 'offer', values: ['Offer A'] }], language: 'en' },
    ])
  })
})

describe('starter questions come from the data and can all be answered', () => {
  it('offers no trend and no "why" on a snapshot without reasons, and every starter plans into tool calls', () => {
    const en = starterQuestions(catalog, 'en')
    const zh = starterQuestions(catalog, 'zh')
    expect(en).toEqual([
      'What is our overall churn rate?', 'What is our churn rate by internet service?', 'What sets churned customers apart from those who stayed?',
      'Does online security affect churn?', 'Average satisfaction score of churned vs retained customers?', 'Which offer churns most?',
    ])
    expect(zh[0]).toBe('整体流失率是多少？')
    for (const q of [...en, ...zh]) expect(calls(q).length, q).toBeGreaterThan(0)
  })
})

describe('planTools: attributes named with time or average words, kinds of customer', () => {
  it('keeps time words inside an attribute name with the attribute ("每月付", "monthly revenue")', () => {
    expect(calls('流失客户平均每月付多少钱？')).toEqual([{ measure: 'monthly_revenue', byStatus: true, language: 'zh' }])
    expect(calls('How much monthly revenue are we losing to churn?')).toEqual([{ metric: 'churned_mrr', language: 'en' }])
  })
  it('reads "<yes/no trait> customers" with nothing contrasted as that group, and "pay by" as no breakdown', () => {
    expect(calls('What is the churn rate of internet customers?')).toEqual([{ metric: 'churn_rate', filters: [{ dimension: 'internet_service', values: ['Fiber optic', 'DSL'] }], language: 'en' }])
    expect(calls('Is churn higher among married customers?')).toEqual([{ metric: 'churn_rate', by: ['married'], language: 'en' }])
    expect(calls('How does age relate to churn?')).toEqual([{ metric: 'churn_rate', bands: [{ measure: 'age' }], language: 'en' }])
  })
})

describe('planTools: a data set with its own churn flag beside its churn events', () => {
  const flagged: DataCatalog = {
    ...catalog,
    dimensions: [...catalog.dimensions, dim('churn_flag', 'Flagged as churned', '标记为流失')],
    values: { ...catalog.values, churn_flag: values('No', 'Yes') },
  }
  it('counts the flagged customers beside the churned ones when asked how many churned, and only then', () => {
    const p = (q: string) => {
      const r = planTools(q, { catalog: flagged, previous: [] })
      return 'calls' in r ? r.calls.map((c) => c.input) : r.text
    }
    expect(p('How many accounts have churned?')).toEqual([
      { metric: 'churned_customers', language: 'en' },
      { metric: 'churned_customers', filters: [{ dimension: 'churn_flag', values: ['Yes'] }], language: 'en' },
    ])
    expect(p('How many customers churned by offer?')).toEqual([{ metric: 'churned_customers', by: ['offer'], language: 'en' }])
  })
})

/** A Chinese membership export: 会员 for customers, counts named 投诉次数 and 近30天登录次数, an age attribute; no tickets or activity data. */
function membershipLike(): DataCatalog {
  const base = catalogFixture()
  const stored = (id: string, en: string, zh: string, unit: 'count' | 'years') => ({ id, name: { en, zh }, synonyms: { en: [], zh: [] }, unit, source: { kind: 'stored' as const }, integer: true })
  return {
    ...base,
    dimensions: [dim('auto_renew', '是否自动续费', '是否自动续费')],
    values: { auto_renew: values('Yes', 'No') },
    measures: [...builtInMeasures, stored('age', 'Age', '年龄', 'years'), stored('complaints', '投诉次数', '投诉次数', 'count'), stored('logins_30d', '近30天登录次数', '近30天登录次数', 'count')],
    coverage: { kind: 'snapshot', from: '2026-11-01', to: '2026-12-01' },
    metricsWithoutData: [{ metric: 'tickets', missing: 'tickets' }, { metric: 'logins_per_customer', missing: 'usage' }],
  }
}

describe('planTools on a Chinese membership export', () => {
  const members = membershipLike()
  const p = (q: string) => {
    const plan = planTools(q, { catalog: members, previous: [] })
    if (!('calls' in plan)) throw new Error(`no tool calls for "${q}": ${plan.text}`)
    return plan.calls.map((c) => c.input)
  }

  it('reads 各年龄段 / 按年龄段 as age bands, not as a by-year trend', () => {
    for (const q of ['各年龄段的流失率', '按年龄段的流失率是多少？']) expect(p(q)).toEqual([{ metric: 'churn_rate', bands: [{ measure: 'age' }], language: 'zh' }])
  })

  it("takes the data's own counts over metrics it has no data for, and 会员 as customers", () => {
    const complaints = p('投诉2次及以上的会员流失率是多少？')
    expect(complaints).toHaveLength(1)
    expect(complaints[0]).toMatchObject({ metric: 'churn_rate', bands: [{ measure: 'complaints' }] })
    const logins = p('流失会员和留存会员的平均登录次数分别是多少？')
    expect(logins).toHaveLength(1)
    expect(logins[0]).toMatchObject({ measure: 'logins_30d' })
  })
})
