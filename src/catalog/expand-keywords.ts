import { reasons } from './reasons.js'

/** Search terms for the user's keywords, and which reason each expanded keyword pulled in. */
export type ExpandedKeywords = { terms: string[]; expansions: Record<string, string[]> }

/**
 * Each keyword as given, plus, when it equals a reason's id, name or one of its keywords
 * (either language, case-insensitive), all of that reason's keywords in both languages:
 * "price" or "价格" then also finds 太贵 and 涨价. Terms are lower-cased and de-duplicated.
 */
export function expandKeywords(keywords: string[]): ExpandedKeywords {
  const terms = new Set<string>()
  const expansions: Record<string, string[]> = {}
  for (const raw of keywords) {
    const k = raw.trim().toLowerCase()
    if (!k) continue
    terms.add(k)
    for (const r of reasons) {
      const names = [r.id, r.name.en, r.name.zh, ...r.keywords.en, ...r.keywords.zh].map((s) => s.toLowerCase())
      if (!names.includes(k)) continue
      expansions[raw.trim()] = [...(expansions[raw.trim()] ?? []), r.id]
      for (const t of [...r.keywords.en, ...r.keywords.zh]) terms.add(t.toLowerCase())
    }
  }
  return { terms: [...terms], expansions }
}
