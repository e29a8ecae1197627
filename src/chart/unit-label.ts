import type { Unit } from '../catalog/types.js'

/** Axis/unit label for a catalog unit, in English or Chinese. */
export function unitLabel(unit: Unit, currency: string, lang: 'en' | 'zh' = 'en'): string {
  const zh: Record<Unit, string> = { count: '客户数', percent: '%', currency, months: '月', ratio: '倍', hours: '小时', score: '分', per_customer: '每客户' }
  const en: Record<Unit, string> = { count: 'count', percent: '%', currency, months: 'months', ratio: 'x', hours: 'hours', score: 'score', per_customer: 'per customer' }
  return (lang === 'zh' ? zh : en)[unit]
}
