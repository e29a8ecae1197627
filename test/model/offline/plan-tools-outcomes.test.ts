import { describe, expect, it } from 'vitest'
import { builtInMeasures, type MeasureDef } from '../../../src/catalog/measure.js'
import type { DataCatalog } from '../../../src/catalog/data-catalog.js'
import type { DimensionDef } from '../../../src/catalog/types.js'
import type { ToolCall } from '../../../src/model/offline/build-calls.js'
import { planTools } from '../../../src/model/offline/plan-tools.js'
import { catalogFixture } from './catalog-fixture.js'

const dim = (id: string, en: string, zh: string, extra: Partial<DimensionDef> = {}): DimensionDef =>
  ({ id, name: { en, zh }, synonyms: { en: [], zh: [] }, values: {}, description: '', source: { kind: 'attribute' }, ...extra })
const values = (...vs: string[]) => vs.map((value) => ({ value, customers: 10 }))
const measure = (id: string, en: string, zh: string, unit: MeasureDef['unit']): MeasureDef =>
  ({ id, name: { en, zh }, synonyms: { en: [], zh: [] }, unit, source: { kind: 'stored' }, integer: true })

/**
 * An imported snapshot like IBM Telco 11.1.3 and BankChurners together: a customer status (Stayed / Churned / Joined)
 * and the data's own churn category kept as outcome dimensions, and the count columns of a card file.
 */
function snapshot(): DataCatalog {
  const base = catalogFixture()
  return {
    ...base,
    dimensions: [
      dim('contract', 'Contract type', '合同类型', { values: { 'Month-to-Month': { label: { en: 'Month-to-month', zh: '按月' } } } }),
      dim('senior_citizen', 'Senior citizen', '老年用户'), dim('city', 'City', '城市'),
      // As the importer names them: the Chinese label is also a synonym.
      dim('customer_status', 'Customer status', '客户状态', { outcome: 'status', values: { Stayed: { label: { en: 'Stayed', zh: '留存' }, zh: ['留存'] }, Churned: { label: { en: 'Churned', zh: '已流失' }, zh: ['已流失'] }, Joined: { label: { en: 'Joined', zh: '新加入' }, zh: ['新加入'] } } }),
      dim('churn_category', 'Churn category', '流失类别', { outcome: 'reason_category', values: { Competitor: { label: { en: 'Competitor', zh: '竞争对手' }, zh: ['竞争对手'] }, Price: { label: { en: 'Price', zh: '价格' }, zh: ['价格'] } } }),
    ],
    values: {
      contract: values('Month-to-Month', 'One Year', 'Two Year'), senior_citizen: values('No', 'Yes'), city: values('San Diego', 'Los Angeles'),
      customer_status: values('Stayed', 'Churned', 'Joined'), churn_category: values('Competitor', 'Attitude', 'Price', 'Other'),
    },
    measures: [...builtInMeasures, measure('contacts', 'Contacts (last 12 months)', '近12个月联系次数', 'count'),
      measure('months_inactive', 'Months inactive (last 12 months)', '近12个月不活跃月数', 'months'), measure('products', 'Number of products', '产品数量', 'count'),
      measure('dependents_count', 'Number of dependents', '受抚养人数', 'count')],
    coverage: { kind: 'snapshot', from: '2026-07-01', to: '2026-10-02' },
    meta: { ...base.meta, asOf: '2026-10-01' },
  }
}

const catalog = snapshot()
const plan = (q: string, previous: ToolCall[] = [], previousTop?: { dimension: string; value: string }) => {
  const p = planTools(q, { catalog, previous, previousTop })
  if (!('calls' in p)) throw new Error(`no tool calls for "${q}": ${p.text}`)
  return p.calls
}
const inputs = (q: string) => plan(q).map((c) => c.input)

describe('a customer status with more values than churned / not (Stayed / Churned / Joined)', () => {
  it('counts customers per status when two or more statuses are named, also across clauses and in Chinese', () => {
    const perStatus = (language: string) => [{ metric: 'active_customers', by: ['customer_status'], language }]
    expect(inputs('How many customers stayed, how many churned, and how many just joined?')).toEqual(perStatus('en'))
    expect(inputs('How many customers churned and how many stayed?')).toEqual(perStatus('en'))
    expect(inputs('How many customers stayed, churned or joined?')).toEqual(perStatus('en'))
    expect(inputs('有多少客户留存、多少流失、多少是新加入的？')).toEqual(perStatus('zh'))
  })
  it('asks the churn rate per status when a rate is named, and leaves a single churn count alone', () => {
    expect(inputs('What is the churn rate for customers who stayed vs those who joined?')).toEqual([{ metric: 'churn_rate', by: ['customer_status'], language: 'en' }])
    expect(inputs('How many customers churned?')).toEqual([{ metric: 'churned_customers', language: 'en' }])
    expect(inputs('Average tenure of churned vs retained customers?')).toEqual([{ measure: 'tenure_months', byStatus: true, language: 'en' }])
  })
})

describe("the data's own churn category", () => {
  it('answers "what are the churn categories" with one reasons call, not one per category', () => {
    expect(plan('What are the churn categories, and what share of churners falls into each one?')).toEqual([{ toolName: 'churn_reasons', input: { language: 'en' } }])
  })
  it('reads a category named as the reason asked about, not as a filter that makes its share 100%', () => {
    expect(plan('流失客户里，因为竞争对手而流失的有多少人，占多少？').map((c) => c.toolName)).toContain('churn_reasons')
    expect(plan('How many customers left because of price?')).toEqual([{ toolName: 'churn_reasons', input: { language: 'en' } }])
  })
})

describe('numeric attributes by their everyday names, exact values and traits', () => {
  it('matches paraphrases of the contacts, products and inactivity columns in both languages', () => {
    const contacts = [{ metric: 'churn_rate', bands: [{ measure: 'contacts' }] }]
    expect(inputs('How does attrition vary with the number of times they contacted us in the last 12 months?')).toMatchObject(contacts)
    expect(inputs('流失率随联系次数怎么变化？')).toMatchObject(contacts)
    expect(inputs('How does churn vary with the number of products?')).toMatchObject([{ metric: 'churn_rate', bands: [{ measure: 'products' }] }])
    expect(inputs('持有产品数不同的客户流失率')).toMatchObject([{ metric: 'churn_rate', bands: [{ measure: 'products' }] }])
  })
  it('reads "had 6 contacts" and "inactive for 4 months" as exact values, and carries the cut to "how many churned"', () => {
    const exact = (m: string, at: number) => [{ measure: m, edges: [{ at }, { at, equalBelow: true }] }]
    expect(inputs('How many customers had 6 contacts, and how many of them left?')).toEqual([
      { metric: 'active_customers', bands: exact('contacts', 6), language: 'en' }, { metric: 'churned_customers', bands: exact('contacts', 6), language: 'en' },
    ])
    expect(inputs('How many customers were inactive for 4 months, and how many churned?')).toEqual([
      { metric: 'active_customers', bands: exact('months_inactive', 4), language: 'en' }, { metric: 'churned_customers', bands: exact('months_inactive', 4), language: 'en' },
    ])
  })
  it('cuts a count named as a trait one has or lacks at 1 ("with vs without dependents", 有家属/没有家属)', () => {
    const trait = [{ metric: 'churn_rate', bands: [{ measure: 'dependents_count', edges: [{ at: 1 }] }] }]
    expect(inputs('Do customers with dependents churn more than those without?')).toMatchObject(trait)
    expect(inputs('有家属的客户和没有家属的客户，流失率分别是多少？')).toMatchObject(trait)
    expect(inputs('Are customers with kids more likely to churn?')).toMatchObject(trait)
  })
  it('averages the tenure attribute over a group on a snapshot, not avg_tenure of those still active', () => {
    expect(inputs('流失客户的平均在网时长是多少？')).toEqual([{ measure: 'tenure_months', byStatus: true, language: 'zh' }])
    expect(inputs('What is the average tenure of month-to-month customers?')).toEqual([
      { measure: 'tenure_months', filters: [{ dimension: 'contract', values: ['Month-to-Month'] }], language: 'en' },
    ])
  })
  it('asks the rate when 比例 is followed by 多少', () => {
    expect(inputs('流失客户占全部客户的比例是多少？')).toEqual([{ metric: 'churn_rate', language: 'zh' }])
  })
})

describe('exclusions and brackets', () => {
  it('keeps the other values of a dimension for a value named after excluding / other than / 除了', () => {
    expect(inputs("What's the churn rate excluding customers who just joined?")).toEqual([
      { metric: 'churn_rate', filters: [{ dimension: 'customer_status', values: ['Stayed', 'Churned'] }], language: 'en' },
    ])
    expect(inputs('除了按月合同的客户，其他客户的流失率是多少？')).toEqual([
      { metric: 'churn_rate', filters: [{ dimension: 'contract', values: ['One Year', 'Two Year'] }], language: 'zh' },
    ])
  })
  it('reads income brackets the way people say them, and 收入 as the income category on data without revenue', () => {
    const income = { ...catalog, dimensions: [...catalog.dimensions, dim('income_category', 'Income category', '收入类别')],
      values: { ...catalog.values, income_category: values('Less than $40K', '$40K - $60K', '$60K - $80K', '$120K +', 'Unknown') },
      metricsWithoutData: ['mrr', 'churned_mrr', 'gross_revenue_churn_rate', 'arpa'].map((metric) => ({ metric, missing: 'revenue' as const })) }
    const p = (q: string) => {
      const r = planTools(q, { catalog: income, previous: [] })
      return 'calls' in r ? r.calls.map((c) => c.input) : r.text
    }
    const rate = (value: string, language: string) => [{ metric: 'churn_rate', filters: [{ dimension: 'income_category', values: [value] }], language }]
    expect(p('收入低于4万美元的客户流失率是多少？')).toEqual(rate('Less than $40K', 'zh'))
    expect(p("What's the churn rate for customers earning under $40K?")).toEqual(rate('Less than $40K', 'en'))
    expect(p('收入在6万到8万美元之间的客户流失率是多少？')).toEqual(rate('$60K - $80K', 'zh'))
    expect(p('年收入超过12万美元的客户流失率')).toEqual(rate('$120K +', 'zh'))
    expect(p('How much monthly revenue did we lose?')).toMatch(/^This data has no revenue or charges per customer/)
  })
})

describe('two values of one dimension contrasted on churn (snapshot)', () => {
  it('asks the churn rate of each, a breakdown, not a profile of the two groups', () => {
    expect(inputs('Are one-year or two-year customers more likely to churn?')).toEqual([{ metric: 'churn_rate', by: ['contract'], language: 'en' }])
    expect(inputs('按月签约的客户比两年期的客户更容易流失吗？')).toEqual([{ metric: 'churn_rate', by: ['contract'], language: 'zh' }])
  })
})

describe('shares of the churned customers', () => {
  it('reads "what share of churners were X" as the churners per value of X, and "what share of X churned" as the churn rate', () => {
    const composition = (language: string) => [{ metric: 'churned_customers', by: ['contract'], language }]
    expect(inputs('What share of churners were on month-to-month contracts?')).toEqual(composition('en'))
    expect(inputs('流失客户中有多少比例是按月签约的？')).toEqual(composition('zh'))
    expect(inputs('流失客户里有多少是老年人？')).toEqual([{ metric: 'churned_customers', by: ['senior_citizen'], language: 'zh' }])
    expect(inputs('What share of month-to-month customers churned?')).toEqual([
      { metric: 'churn_rate', filters: [{ dimension: 'contract', values: ['Month-to-Month'] }], language: 'en' },
    ])
  })
})

describe('follow-ups that point at the previous answer', () => {
  const previous: ToolCall[] = [{ toolName: 'query_metric', input: { metric: 'churned_customers', by: ['city'], language: 'en' } }]
  const top = { dimension: 'city', value: 'San Diego' }
  it('reads "there", "used it" and 这类 as the top segment of the previous breakdown, and a bare "Why?" too', () => {
    expect(plan("What's the churn rate there?", previous, top).map((c) => c.input)).toEqual([{ metric: 'churn_rate', filters: [{ dimension: 'city', values: ['San Diego'] }], language: 'en' }])
    expect(plan('How many churned customers used it?', previous, top).map((c) => c.input)).toEqual([{ metric: 'churned_customers', filters: [{ dimension: 'city', values: ['San Diego'] }], language: 'en' }])
    expect(plan('这类客户的流失率是多少？', previous, top).map((c) => c.input)).toEqual([{ metric: 'churn_rate', filters: [{ dimension: 'city', values: ['San Diego'] }], language: 'zh' }])
    expect(plan('Why?', previous, top)).toEqual([{ toolName: 'churn_reasons', input: { filters: [{ dimension: 'city', values: ['San Diego'] }], language: 'en' } }])
  })
  it('keeps the Yes side of a yes/no trait named as the only group ("for seniors only")', () => {
    const byContract: ToolCall[] = [{ toolName: 'query_metric', input: { metric: 'churn_rate', by: ['contract'], language: 'en' } }]
    expect(plan('What about for seniors only?', byContract).map((c) => c.input)).toEqual([
      { metric: 'churn_rate', by: ['contract'], filters: [{ dimension: 'senior_citizen', values: ['Yes'] }], language: 'en' },
    ])
  })
  it('breaks the previous summary down for "and by contract type?", and reads "its customers" as the top segment', () => {
    const summary: ToolCall[] = [{ toolName: 'measure_summary', input: { measure: 'tenure_months', byStatus: true, language: 'en' } }]
    expect(plan('And by contract type?', summary)).toEqual([{ toolName: 'measure_summary', input: { measure: 'tenure_months', byStatus: true, by: ['contract'], language: 'en' } }])
    expect(plan('What share of its customers churned?', previous, top).map((c) => c.input)).toEqual([{ metric: 'churn_rate', filters: [{ dimension: 'city', values: ['San Diego'] }], language: 'en' }])
  })
  it('replaces the previous breakdown with a new one or a new cut ("and by gender?", "and for those 65 or older?")', () => {
    const ageBands: ToolCall[] = [{ toolName: 'query_metric', input: { metric: 'churn_rate', bands: [{ measure: 'age', edges: [{ at: 30 }] }], language: 'en' } }]
    const withAge = { ...catalog, measures: [...catalog.measures, measure('age', 'Age', '年龄', 'years')] }
    const p = (q: string, prev: ToolCall[]) => {
      const r = planTools(q, { catalog: withAge, previous: prev })
      return 'calls' in r ? r.calls.map((c) => c.input) : r.text
    }
    expect(p('And by contract type?', ageBands)).toEqual([{ metric: 'churn_rate', by: ['contract'], language: 'en' }])
    const bySenior: ToolCall[] = [{ toolName: 'query_metric', input: { metric: 'churn_rate', by: ['senior_citizen'], language: 'en' } }]
    expect(p('And for those 65 or older?', bySenior)).toEqual([{ metric: 'churn_rate', bands: [{ measure: 'age', edges: [{ at: 65 }] }], language: 'en' }])
  })
  it('repeats the previous summary for "and of those who stayed?"', () => {
    const summary: ToolCall[] = [{ toolName: 'measure_summary', input: { measure: 'tenure_months', byStatus: true, language: 'en' } }]
    expect(plan('And of those who stayed?', summary)).toEqual(summary)
  })
})
