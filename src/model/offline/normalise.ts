/** The question's language and its normalised text, lower-cased and with the original casing. */
export type Normalised = { text: string; cased: string; lang: 'en' | 'zh' }

const zhDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const enNumbers: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, sixty: 60, ninety: 90,
}
// Chinese numerals become digits only where a count or ordinal follows or precedes them, so words like 一下 or 统一 stay intact.
const zhNumeral = /(第|过去|最近|近|前|后)?([零一二两三四五六七八九十]{1,3})(?=(个|季度|月|年|天|周|星期|日|季|半年))/g
const enNumber = new RegExp(`\\b(${Object.keys(enNumbers).join('|')})\\b(?=\\s+(months?|quarters?|years?|days?|weeks?))`, 'gi')

/** Value of a Chinese numeral up to 99 (十二 → 12, 二十四 → 24, 三 → 3). */
export function zhNumeralValue(s: string): number | undefined {
  if (!s) return undefined
  if (!s.includes('十')) return s.length === 1 ? zhDigits[s] : undefined
  const [tens, ones] = s.split('十')
  const t = tens === '' ? 1 : zhDigits[tens]
  const o = ones === '' ? 0 : zhDigits[ones]
  return t === undefined || o === undefined ? undefined : t * 10 + o
}

/** True when the text is mostly Chinese: any run of two Han characters, or more Han characters than Latin words. */
export function detectLanguage(text: string): 'en' | 'zh' {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0
  const latinWords = text.match(/[a-z]{2,}/gi)?.length ?? 0
  return han >= 2 || han > latinWords ? 'zh' : 'en'
}

/**
 * Unicode NFKC (full-width digits and punctuation become ASCII), lower case, single spaces,
 * curly quotes straightened, and spelled-out counts written as digits ("six months", "过去六个月").
 */
export function normalise(raw: string): Normalised {
  let cased = raw.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
  cased = cased.replace(/\s+/g, ' ').trim()
  cased = cased.replace(zhNumeral, (m, pre: string | undefined, num: string) => {
    const v = zhNumeralValue(num)
    return v === undefined ? m : `${pre ?? ''}${v}`
  })
  cased = cased.replace(enNumber, (w) => String(enNumbers[w.toLowerCase()]))
  const text = cased.toLowerCase()
  // Offsets must line up between the two forms; the rare letters that grow when lower-cased fall back to lower case.
  return { text, cased: text.length === cased.length ? cased : text, lang: detectLanguage(raw) }
}
