import type { DataCatalog } from '../../catalog/data-catalog.js'

/** Three questions this data set can answer, using its own dimensions and values, in the asker's language. */
export function suggestions(catalog: DataCatalog, lang: 'en' | 'zh'): string[] {
  const d0 = catalog.dimensions[0]
  const d1 = catalog.dimensions[1] ?? d0
  const v0 = d0 ? catalog.values[d0.id]?.[0]?.value : undefined
  if (lang === 'zh') {
    return [
      d0 ? `上个季度按${d0.name.zh}的流失率是多少？` : '上个季度的流失率是多少？',
      v0 ? `${v0}客户为什么流失？` : '客户为什么流失？',
      d1 ? `哪个${d1.name.zh}流失最严重？` : '最近12个月流失率的趋势如何？',
    ]
  }
  return [
    d0 ? `What was our churn rate last quarter by ${d0.name.en.toLowerCase()}?` : 'What was our churn rate last quarter?',
    v0 ? `Why do ${v0} customers churn?` : 'Why are customers leaving?',
    d1 ? `Which ${d1.name.en.toLowerCase()} churns most?` : 'How has churn trended over the last 12 months?',
  ]
}

/** The suggestions as one line: "You could ask: “…”, “…” or “…”." */
export function suggestionLine(catalog: DataCatalog, lang: 'en' | 'zh'): string {
  const s = suggestions(catalog, lang)
  return lang === 'zh'
    ? `你可以这样问：${s.map((q) => `“${q}”`).join('、')}`
    : `You could ask: ${s.map((q) => `“${q}”`).join(', ')}.`
}
