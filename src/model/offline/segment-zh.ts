/** One word of the question: lower-cased text, original casing, and whether it is Chinese. */
export type Token = { text: string; cased: string; start: number; end: number; cjk: boolean }

/**
 * The question as matchable text: word tokens joined with a space between two Latin/digit words
 * and nothing next to Chinese, so "MRR流失率" reads "mrr流失率" and "month-to-month" reads
 * "month to month". Token starts and ends are the only places a phrase may begin or end.
 */
export type Surface = { text: string; cased: string; tokens: Token[]; starts: Set<number>; ends: Set<number> }

// One segmenter for both languages: ICU's dictionary splits Chinese into words and Latin text at word boundaries.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
const han = /\p{Script=Han}/u
const listMarks = new Set([',', '、'])

/**
 * Splits text into word tokens with Intl.Segmenter; punctuation and spaces are dropped, and so is
 * the attributive particle 的, so "流失的客户" reads like "流失客户" and "各地区的流失率" like "各地区流失率".
 */
export function segmentWords(cased: string): Array<{ cased: string; cjk: boolean }> {
  const out: Array<{ cased: string; cjk: boolean }> = []
  for (const s of segmenter.segment(cased)) {
    // Commas stay as tokens: no phrase spans them, and they separate listed metrics.
    if ((!s.isWordLike && !listMarks.has(s.segment)) || s.segment === '的') continue
    out.push({ cased: s.segment, cjk: han.test(s.segment) })
  }
  return out
}

/** Builds the matchable surface from cased text (already normalised apart from case). */
export function toSurface(cased: string): Surface {
  const words = segmentWords(cased)
  const tokens: Token[] = []
  let text = ''
  let casedText = ''
  for (const w of words) {
    const prev = tokens.at(-1)
    if (prev && !prev.cjk && !w.cjk) {
      text += ' '
      casedText += ' '
    }
    const start = text.length
    text += w.cased.toLowerCase()
    casedText += w.cased
    // Lower-casing can change length for a few scripts; keep offsets aligned to the lower-case text.
    if (casedText.length !== text.length) casedText = casedText.slice(0, text.length).padEnd(text.length)
    tokens.push({ text: w.cased.toLowerCase(), cased: w.cased, start, end: text.length, cjk: w.cjk })
  }
  return { text, cased: casedText, tokens, starts: new Set(tokens.map((t) => t.start)), ends: new Set(tokens.map((t) => t.end)) }
}

/** The matching key of a lexicon phrase: its surface text, so phrases and questions are compared alike. */
export function keyOf(phrase: string): string {
  return toSurface(phrase).text
}
