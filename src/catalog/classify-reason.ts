import { reasons, type ReasonId } from './reasons.js'

/** A text's reason category, the keywords that decided it, and how many matched. */
export type ReasonMatch = { id: ReasonId; score: number; keywords: string[] }

/**
 * Words that contain a reason keyword but mean something else: '服务器' is a server, not service;
 * '贵公司' is the polite "your company", not "expensive". Listing them in the segmentation
 * dictionary keeps them whole, so the keyword inside never matches.
 */
export const falseFriends = ['服务器', '服务端', '服务商', '贵公司', '贵司', '贵方', '响应式']

// Function words ICU glues to a neighbour: particles after ('贵了', '成了'), adverbs before ('也没', '都没').
// Splitting them off lets '太贵', '换成', '没人理' form from whole segments.
const PARTICLES = new Set(['了', '的', '吗', '呢', '啊', '吧', '呀', '啦'])
const ADVERBS = new Set(['也', '都', '还', '就', '又', '再', '才'])
const MAX_JOIN = 6
const HAN = /\p{Script=Han}/u

const zhDictionary = new Set<string>([...reasons.flatMap((r) => r.keywords.zh.map((k) => k.toLowerCase())), ...falseFriends])
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

// English keywords as whole-word/phrase regexes: "cost" must not match "costume", "moved to" spans any whitespace.
const enPatterns = reasons.map((r) => ({
  id: r.id,
  patterns: r.keywords.en.map((k) => {
    const body = k.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
    return { keyword: k, re: new RegExp(`(?<![a-z0-9_])${body}(?![a-z0-9_])`) }
  }),
}))

/**
 * Classifies free text into a reason category, transparently: English keywords by whole word or
 * phrase on the lower-cased text; Chinese keywords against Intl.Segmenter words, where adjacent
 * segments are joined when together they form a dictionary word (keyword or false friend).
 * The category with most distinct keywords wins (ties: longer matches, then taxonomy order);
 * no keyword → 'other'. The text is only ever matched, never interpreted.
 */
export function classifyReason(text: string): ReasonMatch {
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'")
  const words = HAN.test(text) ? new Set(chineseWords(text)) : new Set<string>()
  let best: ReasonMatch & { chars: number } = { id: 'other', score: 0, keywords: [], chars: 0 }
  for (const [i, r] of reasons.entries()) {
    const hits = new Set<string>()
    for (const p of enPatterns[i].patterns) if (p.re.test(lower)) hits.add(p.keyword)
    for (const k of r.keywords.zh) if (words.has(k.toLowerCase())) hits.add(k)
    const chars = [...hits].reduce((n, k) => n + k.length, 0)
    if (hits.size > best.score || (hits.size === best.score && hits.size > 0 && chars > best.chars)) {
      best = { id: r.id, score: hits.size, keywords: [...hits], chars }
    }
  }
  return { id: best.id, score: best.score, keywords: best.keywords }
}

/** Chinese text as words: Intl.Segmenter segments, particles split off, dictionary words re-joined; lower-cased. */
export function chineseWords(text: string): string[] {
  const runs: string[][] = [[]]
  for (const s of segmenter.segment(text)) {
    // Punctuation and spaces end a run: a keyword never spans them.
    if (!s.isWordLike) {
      runs.push([])
      continue
    }
    runs.at(-1)!.push(...splitFunctionWords(s.segment.toLowerCase()))
  }
  return runs.flatMap(joinDictionaryWords)
}

function splitFunctionWords(w: string): string[] {
  if (w.length < 2 || zhDictionary.has(w)) return [w]
  if (PARTICLES.has(w.at(-1)!)) return [...splitFunctionWords(w.slice(0, -1)), w.at(-1)!]
  if (ADVERBS.has(w[0])) return [w[0], ...splitFunctionWords(w.slice(1))]
  return [w]
}

// Greedy longest match: at each position, join the most following segments that form a dictionary word.
function joinDictionaryWords(segs: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < segs.length; ) {
    let taken = 1
    for (let n = Math.min(MAX_JOIN, segs.length - i); n >= 2; n--) {
      if (zhDictionary.has(segs.slice(i, i + n).join(''))) {
        taken = n
        break
      }
    }
    out.push(segs.slice(i, i + taken).join(''))
    i += taken
  }
  return out
}
