import type { DataCatalog } from '../../catalog/data-catalog.js'
import { starterQuestions } from '../../catalog/starter-questions.js'

/** Three questions this data set can answer, from what it holds, in the asker's language. */
export function suggestions(catalog: DataCatalog, lang: 'en' | 'zh'): string[] {
  return starterQuestions(catalog, lang).slice(1, 4)
}

/** The suggestions as one line: "You could ask: “…”, “…” or “…”." */
export function suggestionLine(catalog: DataCatalog, lang: 'en' | 'zh'): string {
  const s = suggestions(catalog, lang)
  return lang === 'zh'
    ? `你可以这样问：${s.map((q) => `“${q}”`).join('、')}`
    : `You could ask: ${s.map((q) => `“${q}”`).join(', ')}.`
}
