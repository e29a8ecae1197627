import { builtInMeasures } from '../../../src/catalog/measure.js'
import { metrics } from '../../../src/catalog/metrics.js'
import type { DimensionDef } from '../../../src/catalog/types.js'
import type { DataCatalog } from '../../../src/catalog/data-catalog.js'

const dim = (id: string, en: string, zh: string, synonyms: DimensionDef['synonyms'], values: DimensionDef['values'], kind: 'column' | 'attribute' = 'attribute'): DimensionDef => ({
  id, name: { en, zh }, synonyms, values, description: '',
  source: kind === 'column' ? { kind: 'column', column: id as 'plan' } : { kind: 'attribute' },
})

/** Many one-word values: like the Telco import's 1,129 Californian cities, some of which are English words. */
const cities = ['Los Angeles', 'San Diego', 'Industry', 'Likely', ...Array.from({ length: 60 }, (_, i) => `Town${i}`)]

/**
 * A small hand-made catalog (as of 2026-11-01) with the real metric catalog: plan and region columns,
 * a contract attribute whose value synonyms collide with grain words, a Yes/No attribute, and many cities.
 */
export function catalogFixture(): DataCatalog {
  const dimensions = [
    dim('plan', 'Plan', '套餐', { en: ['plan', 'tier'], zh: ['套餐', '版本'] }, { Starter: { en: ['starter', 'basic'], zh: ['入门版'] }, Enterprise: { en: ['enterprise'], zh: ['企业版'] } }, 'column'),
    dim('region', 'Region', '地区', { en: ['region', 'geo'], zh: ['地区', '区域'] }, { 'North America': { en: ['na'], zh: ['北美'] }, Europe: { zh: ['欧洲'] } }, 'column'),
    dim('contract', 'Contract type', '合同类型', { en: ['contract'], zh: ['合同'] }, { Monthly: { en: ['monthly', 'month-to-month'], zh: ['月付', '按月'] }, Annual: { en: ['annual'], zh: ['年付'] } }),
    dim('senior_citizen', 'Senior citizen', '老年用户', { en: ['senior', 'seniors'], zh: ['老年人'] }, { Yes: { en: ['seniors'], zh: ['老年用户'] }, No: { en: ['non-seniors'], zh: ['非老年用户'] } }),
    dim('city', 'City', '城市', { en: ['cities'], zh: [] }, {}),
  ]
  const values: DataCatalog['values'] = {
    plan: [{ value: 'Starter', customers: 60 }, { value: 'Enterprise', customers: 10 }],
    region: [{ value: 'North America', customers: 40 }, { value: 'Europe', customers: 30 }],
    contract: [{ value: 'Monthly', customers: 50 }, { value: 'Annual', customers: 20 }],
    senior_citizen: [{ value: 'Yes', customers: 10 }, { value: 'No', customers: 60 }],
    city: cities.map((value) => ({ value, customers: 1 })),
  }
  return {
    metrics, dimensions, values,
    meta: { asOf: '2026-11-01', currency: 'USD', source: 'fixture', companyName: 'Fixture Co' },
    measures: [...builtInMeasures],
    dataStart: '2023-11-01',
    coverage: { kind: 'dated', from: '2023-11-01', to: '2026-11-01' },
    counts: { customers: 70, subscriptions: 80, churn_events: 20, mrr_history: 0, feedback: 0, tickets: 0, activity: 0 },
  }
}
