import type { DimensionDef } from './types.js'

// Words every data set uses for yes/no values; a mapping's own labels win over these.
const common: Record<string, { en: string; zh: string }> = {
  yes: { en: 'Yes', zh: '是' },
  no: { en: 'No', zh: '否' },
  true: { en: 'Yes', zh: '是' },
  false: { en: 'No', zh: '否' },
  'no internet service': { en: 'No internet service', zh: '无网络服务' },
  'no phone service': { en: 'No phone service', zh: '无电话服务' },
  '(not set)': { en: '(not set)', zh: '（未填写）' },
}

/** A stored value as the answer's language shows it: the mapping's label, a common yes/no word, or the value itself. */
export function valueLabel(d: Pick<DimensionDef, 'labels' | 'values'> | undefined, value: string, lang: 'en' | 'zh'): string {
  const own = d?.labels?.[value]?.[lang] ?? d?.values[value]?.label?.[lang]
  if (own) return own
  const c = common[value.toLowerCase()]
  if (c) return c[lang]
  // A Chinese synonym a mapping gave is the best Chinese name there is.
  if (lang === 'zh') {
    const zh = d?.values[value]?.zh?.[0]
    if (zh) return zh
  }
  return value
}
