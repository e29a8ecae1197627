import { reasons } from '../../catalog/reasons.js'
import { isNoValue, isYesValue } from '../../catalog/yes-no.js'
import type { DataCatalog } from '../../catalog/data-catalog.js'
import { bracketWords, commonDimensionWords, commonMeasureWords, commonValueWords, dimensionKey, measureWordsFromNames } from '../../catalog/common-vocabulary.js'
import { fillerWords, functionWords, metricParaphrases, type Role } from './function-words.js'
import { normalise } from './normalise.js'
import { keyOf } from './segment-zh.js'

/** One meaning a phrase can have. */
export type Sense =
  | { kind: 'metric'; id: string }
  | { kind: 'dimension'; id: string }
  | { kind: 'value'; dim: string; value: string; synonym: boolean; cased?: string; upper?: boolean }
  | { kind: 'reason'; id: string }
  | { kind: 'measure'; id: string }
  | { kind: 'role'; role: Role }

/** Phrase keys (see keyOf) → their senses, the longest key length for the matcher, and the reason keys (topics). */
export type Lexicon = { entries: Map<string, Sense[]>; maxKeyLength: number; reasonKeys: string[] }

/** Stored values too generic to stand for themselves in a question ("Yes", "No"): only their synonyms count. */
const genericValues = new Set(['yes', 'no', 'none', 'other', 'unknown', 'true', 'false', 'n/a', '(not set)', 'no internet service', 'no phone service'])
/** Words too common to name a value on their own (a mapping may still list them as synonyms). */
const genericAnswers = new Set(['是', '有', '否', '无', '没有', '不', '没', 'yes', 'no', 'y', 'n', '1', '0', 'true', 'false'])
/** Above this many values a dimension's one-word values (e.g. among 1,129 cities) only match when written with their capitals. */
const MANY_VALUES = 50

const cache = new WeakMap<DataCatalog, Lexicon>()
const fillers = new Set([...fillerWords.en, ...fillerWords.zh])

/** The analyst's vocabulary for a catalog: metric, dimension, value and reason words in both languages, plus function words. */
export function lexiconFor(catalog: DataCatalog): Lexicon {
  let lex = cache.get(catalog)
  if (!lex) {
    lex = buildLexicon(catalog)
    cache.set(catalog, lex)
  }
  return lex
}

/** Builds the lexicon from the catalog (no cache). */
export function buildLexicon(catalog: DataCatalog): Lexicon {
  const entries = new Map<string, Sense[]>()
  const add = (phrase: string, sense: Sense, variants = true) => {
    const key = keyOf(normalise(phrase).text)
    if (!key) return
    for (const k of variants ? withPlurals(key) : [key]) {
      const list = entries.get(k) ?? []
      if (!list.some((s) => JSON.stringify(s) === JSON.stringify(sense))) list.push(sense)
      entries.set(k, list)
    }
  }
  for (const m of catalog.metrics) {
    for (const p of [m.id.replace(/_/g, ' '), m.name.en, m.name.zh, ...m.synonyms.en, ...m.synonyms.zh]) add(p, { kind: 'metric', id: m.id })
  }
  const ownNames = new Set(catalog.dimensions.flatMap((d) => [d.id, d.name.en, d.name.zh].map(dimensionKey)))
  for (const d of catalog.dimensions) {
    for (const p of [d.id.replace(/_/g, ' '), d.name.en, d.name.zh, ...d.synonyms.en, ...d.synonyms.zh]) add(p, { kind: 'dimension', id: d.id })
    const stored = catalog.values[d.id] ?? []
    for (const v of stored) {
      if (genericValues.has(v.value.toLowerCase())) continue
      // Single words among many values ("Industry", "Likely" are Californian cities), and values that read as
      // everyday words ("A", "Pro" is fine) must be written with their capitals.
      const key = keyOf(normalise(v.value).text)
      const strict = (stored.length > MANY_VALUES && !v.value.includes(' ')) || key.length <= 2 || fillers.has(key)
      add(v.value, { kind: 'value', dim: d.id, value: v.value, synonym: false, ...(strict ? { cased: v.value } : {}) }, stored.length <= MANY_VALUES)
    }
    const keys = new Set([d.id, d.name.en, d.name.zh].map(dimensionKey))
    const common = commonDimensionWords.find(([k]) => k.some((x) => keys.has(x)))?.[1]
    // A common word never takes over another dimension's own name ("网络类型" is Internet type when the data has one).
    for (const p of [...(common?.en ?? []), ...(common?.zh ?? [])].filter((x) => !ownNames.has(dimensionKey(x)) || keys.has(dimensionKey(x)))) add(p, { kind: 'dimension', id: d.id })
    for (const v of stored) {
      const words = commonValueWords[v.value.toLowerCase().replace(/\s+/g, ' ')]
      for (const p of [...(words?.en ?? []), ...(words?.zh ?? [])]) add(p, { kind: 'value', dim: d.id, value: v.value, synonym: true })
      // "under $40K", "低于4万美元": a bracket value named the way people say it.
      const bracket = bracketWords(v.value)
      for (const p of [...(bracket?.en ?? []), ...(bracket?.zh ?? [])]) add(p, { kind: 'value', dim: d.id, value: v.value, synonym: true }, false)
    }
    for (const [value, syn] of Object.entries(d.values)) {
      // "是", "有", "无": a mapping's one-word yes/no synonyms would match almost any question; yesNoPhrases says it properly.
      for (const p of [...(syn.en ?? []), ...(syn.zh ?? [])].filter((x) => !genericAnswers.has(x.toLowerCase()))) {
        // Short synonyms that are also everyday words ("it", "us", "na") count only in capitals (IT, US, NA).
        const key = keyOf(normalise(p).text)
        const upper = /^[a-z]+$/.test(key) && (key.length <= 2 || fillers.has(key))
        add(p, { kind: 'value', dim: d.id, value, synonym: true, ...(upper ? { upper: true } : {}) })
      }
    }
  }
  for (const d of catalog.dimensions) {
    const stored = (catalog.values[d.id] ?? []).map((v) => v.value)
    // The sides are named with every word the dimension goes by, its common words included ("non-seniors", "非老年").
    const keys = new Set([d.id, d.name.en, d.name.zh].map(dimensionKey))
    const common = commonDimensionWords.find(([k]) => k.some((x) => keys.has(x)))?.[1]
    const named = { ...d, synonyms: { en: [...d.synonyms.en, ...(common?.en ?? [])], zh: [...d.synonyms.zh, ...(common?.zh ?? [])] } }
    for (const [value, phrases] of Object.entries(yesNoPhrases(named, stored))) for (const p of phrases) add(p, { kind: 'value', dim: d.id, value, synonym: true }, /^[a-z]/.test(p))
  }
  const unusable = new Set((catalog.metricsWithoutData ?? []).map((x) => x.metric))
  for (const m of catalog.measures) {
    for (const p of [m.id.replace(/_/g, ' '), m.name.en, m.name.zh, ...m.synonyms.en, ...m.synonyms.zh]) add(p, { kind: 'measure', id: m.id })
    // Words cut from the name ("churn score" → "churn") never take the word of a metric this data can compute.
    for (const p of measureWordsFromNames(m.name)) {
      // A word cut from one name that begins another measure's name ("交易" of 交易笔数 and 交易金额) names neither.
      if (catalog.measures.some((o) => o.id !== m.id && (o.name.zh.startsWith(p) || o.name.en.toLowerCase().startsWith(p.toLowerCase())))) continue
      if (!entries.get(keyOf(normalise(p).text))?.some((x) => x.kind === 'metric' && !unusable.has(x.id))) add(p, { kind: 'measure', id: m.id })
    }
  }
  // Everyday names of common numeric columns ("times they contacted us", "持有产品数"): only where nothing else has the word.
  for (const m of catalog.measures) {
    const keys = new Set([m.id, m.name.en, m.name.zh].map(dimensionKey))
    const common = commonMeasureWords.find(([k]) => k.some((x) => keys.has(x)))?.[1]
    for (const p of [...(common?.en ?? []), ...(common?.zh ?? [])]) if (!entries.has(keyOf(normalise(p).text))) add(p, { kind: 'measure', id: m.id })
  }
  // "满意度" on data with satisfaction scores but no NPS answers is the attribute, not the metric it cannot compute.
  // "收入" on card data with an income category but no revenue is the income dimension, not revenue it cannot compute.
  for (const [key, senses] of entries) {
    if (senses.some((x) => x.kind === 'measure' || x.kind === 'dimension' || x.kind === 'value')) entries.set(key, senses.filter((x) => !(x.kind === 'metric' && unusable.has(x.id))))
  }
  for (const r of reasons) {
    for (const p of [r.id.replace(/_/g, ' '), r.name.en, r.name.zh, ...r.keywords.en, ...r.keywords.zh]) add(p, { kind: 'reason', id: r.id })
  }
  for (const [id, words] of Object.entries(metricParaphrases)) {
    if (!catalog.metrics.some((m) => m.id === id)) continue
    for (const p of [...words.en, ...words.zh]) if (!entries.has(keyOf(normalise(p).text))) add(p, { kind: 'metric', id }, false)
  }
  for (const [role, words] of Object.entries(functionWords) as Array<[Role, { en: string[]; zh: string[] }]>) {
    for (const p of [...words.en, ...words.zh]) add(p, { kind: 'role', role }, false)
  }
  for (const p of [...fillerWords.en, ...fillerWords.zh]) {
    const key = keyOf(normalise(p).text)
    // A filler only fills gaps: a word that means something elsewhere keeps that meaning.
    if (key && !entries.has(key)) entries.set(key, [{ kind: 'role', role: 'filler' }])
  }
  const reasonKeys = [...entries].filter(([, v]) => v.some((x) => x.kind === 'reason')).map(([k]) => k).sort((a, b) => b.length - a.length)
  return { entries, maxKeyLength: Math.max(...[...entries.keys()].map((k) => k.length)), reasonKeys }
}

/** English phrases also match with their last word singular or plural ("region" ↔ "regions"). */
function withPlurals(key: string): string[] {
  if (!/[a-z]$/.test(key)) return [key]
  const words = key.split(' ')
  const last = words.at(-1)!
  const head = words.slice(0, -1).join(' ')
  const join = (w: string) => (head ? `${head} ${w}` : w)
  if (last.length < 3) return [key]
  if (last.endsWith('ies')) return [key, join(`${last.slice(0, -3)}y`)]
  if (last.endsWith('s') && !last.endsWith('ss')) return [key, join(last.slice(0, -1))]
  if (last.endsWith('y') && !/[aeiou]y$/.test(last)) return [key, join(`${last.slice(0, -1)}ies`)]
  return [key, join(`${last}s`)]
}

/** The senses of a phrase key, if any. */
export function sensesOf(lex: Lexicon, key: string): Sense[] | undefined {
  return lex.entries.get(key)
}

/**
 * "with tech support" / "没开通技术支持" / "无家属": how managers name the two sides of a yes/no
 * dimension, generated from its names in both languages so no mapping has to list them.
 */
export function yesNoPhrases(d: DataCatalog['dimensions'][number], stored: string[]): Record<string, string[]> {
  const yes = stored.find(isYesValue)
  const no = stored.find(isNoValue)
  if (!yes && !no) return {}
  const en = [d.name.en, ...d.synonyms.en].map((n) => n.toLowerCase()).filter((n) => n.length > 2)
  const zh = [d.name.zh, ...d.synonyms.zh].map((n) => n.replace(/^(有|是否|开通)/, '')).filter((n) => n.length >= 2)
  const out: Record<string, string[]> = {}
  if (yes) out[yes] = [...en.flatMap((n) => [`with ${n}`, `has ${n}`, `have ${n}`, `having ${n}`, `use ${n}`, `using ${n}`]), ...zh.flatMap((n) => [`有${n}`, `开通${n}`, `开通了${n}`, `开了${n}`, `用${n}`, `使用${n}`, `办了${n}`])]
  // "non-seniors", "非老年", "不是老年用户", and for a state named with 已 its opposite with 未 (已婚 → 未婚).
  if (no) out[no] = [...en.flatMap((n) => [`without ${n}`, `no ${n}`, `not having ${n}`, `non ${n}`, `non${n}`, `not ${n}`, `don't use ${n}`, `do not use ${n}`]),
    ...zh.flatMap((n) => [`没有${n}`, `无${n}`, `没开${n}`, `没开通${n}`, `未开通${n}`, `没有开通${n}`, `没有开${n}`, `没有使用${n}`, `没有用${n}`, `不用${n}`, `没用${n}`, `没办${n}`, `非${n}`, `不是${n}`, ...(n.startsWith('已') ? [`未${n.slice(1)}`] : [])])]
  return out
}
