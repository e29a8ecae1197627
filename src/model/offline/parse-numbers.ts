import type { BandEdge } from '../../catalog/measure.js'

/** A number in a question with the words around it that say which side of it is meant. */
export type NumberCue = { value: number; start: number; end: number; side: 'above' | 'atLeast' | 'below' | 'atMost' | 'rangeStart' | 'rangeEnd' | 'plain'; unit?: 'years' | 'months' | 'days'; either?: boolean }

const scale: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, 千: 1e3, 万: 1e4, 百万: 1e6, 亿: 1e8 }
// Ordered longest first so "or more" wins over "more".
const before: Array<[RegExp, NumberCue['side']]> = [
  [/(?:more than|greater than|over|above|exceeding|higher than|older than|超过|大于|高于|多于|超出)\s*$/, 'above'],
  [/(?:at least|no less than|不少于|不低于|至少|大于等于|>=|≥)\s*$/, 'atLeast'],
  [/(?:less than|fewer than|under|below|lower than|younger than|低于|少于|小于|不到|不足|不满)\s*$/, 'below'],
  [/(?:at most|up to|no more than|not more than|不超过|不高于|最多|小于等于|<=|≤)\s*$/, 'atMost'],
  [/>\s*$/, 'above'],
  [/<\s*$/, 'below'],
  [/(?:between|from|从|介于|在)\s*$/, 'rangeStart'],
]
const after: Array<[RegExp, NumberCue['side']]> = [
  [/^\s*(?:\+|or more|or above|or higher|or older|or over|and above|and up|and over|and older|及以上|以上|或以上|或更多|或更高)/, 'atLeast'],
  [/^\s*(?:or less|or fewer|or below|or under|or younger|and below|and under|and younger|inclusive|及以下|以内|或以下|或更少|(?:（|\()?含(?:）|\))?)/, 'atMost'],
  // A bare 以下 reads as "under" ("30岁以下的客户"); the number itself belongs below only with 及/或/含.
  [/^\s*以下/, 'below'],
  [/^\s*(?:to|through|thru|and|-|–|—|~|到|至)\s*(?=[$¥]?\d)/, 'rangeStart'],
]

/**
 * Numbers in a question with what they mean for a band: "over $70" (values equal to 70 below the
 * cut), "3 or more months", "under 30", "30 to 50", "超过10万", "60岁以上". Years, units (k, 万) and
 * currency signs are read; four-digit years and dates are not numbers here (time parsing removed them).
 */
export function numberCues(text: string): NumberCue[] {
  const out: NumberCue[] = []
  // Thousands commas only between digit groups: "12, 12 to 35" is two numbers, not "12," swallowing the comma.
  for (const m of text.matchAll(/(?:[$¥€£]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(k|thousand|million|m\b|千|万|百万|亿)?\s*(years?|yrs?|年|months?|个月|月|days?|天)?/gi)) {
    const raw = Number(m[1].replace(/,/g, ''))
    if (!Number.isFinite(raw)) continue
    const value = raw * (scale[(m[2] ?? '').toLowerCase()] ?? 1)
    const start = m.index!
    const end = start + m[0].length
    const unitWord = (m[3] ?? '').toLowerCase()
    const unit = /^(years?|yrs?|年)$/.test(unitWord) ? 'years' : /^(months?|个月|月)$/.test(unitWord) ? 'months' : /^(days?|天)$/.test(unitWord) ? 'days' : undefined
    const pre = text.slice(Math.max(0, start - 24), start)
    // A counter word sits between a Chinese number and its cue: "4次及以上", "60岁以上", "2个以下".
    const post = text.slice(end, end + 16).replace(/^\s*(?:次|个|岁|人|分|笔|张|项|位|件|元|美元|块)/, '')
    let side: NumberCue['side'] = 'plain'
    for (const [re, s] of after) if (re.test(post)) { side = s; break }
    if (side === 'plain') for (const [re, s] of before) if (re.test(pre)) { side = s; break }
    // The second number of a range ("30 to 50"): its own cue words decide, else it ends the range.
    const prev = out.at(-1)
    if (prev?.side === 'rangeStart' && side === 'plain' && /^\s*(?:to|through|thru|and|-|–|—|~|到|至)\s*[$¥]?$/.test(text.slice(prev.end, start))) side = 'rangeEnd'
    // "打1分或2分", "1 or 2": either of two values is the range between them.
    if (prev?.side === 'plain' && side === 'plain' && /^\s*(?:分|次|岁|个|人)?\s*(?:or|或|或者|或是)\s*$/.test(text.slice(prev.end, start))) {
      prev.side = 'rangeStart'
      prev.either = true
      side = 'rangeEnd'
    }
    out.push({ value, start, end, side, ...(unit ? { unit } : {}) })
  }
  return out
}

/**
 * Band edges from the numbers of a question, in the measure's unit: "under 12, 12 to 24 inclusive,
 * over 24" → 12 (equal goes above), 24 (equal goes below). A value the question puts on both sides
 * takes the side its most explicit cue gives. Years convert to months for a measure in months.
 */
export function edgesFrom(cues: NumberCue[], measureUnit: string): BandEdge[] {
  const edges = new Map<number, BandEdge>()
  for (const c of cues) {
    const at = measureUnit === 'months' && c.unit === 'years' ? c.value * 12 : measureUnit === 'years' && c.unit === 'months' ? c.value / 12 : c.value
    // "over X" and "X or less" put X below the cut; "X or more", "under X", a range start put it above.
    const equalBelow = c.side === 'above' || c.side === 'atMost' || c.side === 'rangeEnd'
    const explicit = c.side !== 'plain' && c.side !== 'rangeStart' && c.side !== 'rangeEnd'
    const known = edges.get(at)
    if (!known || explicit) edges.set(at, { at, ...(equalBelow ? { equalBelow: true } : {}) })
  }
  return [...edges.values()].sort((a, b) => a.at - b.at)
}
