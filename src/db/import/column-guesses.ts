import { chineseColumnName } from './chinese-column-name.js'
import { currencyFromName, type KnownColumn, lookupColumn } from './column-dictionary.js'
import { englishColumnName } from './english-column-name.js'
import type { ColumnProfile } from './profile-columns.js'

// What a column is, guessed from its header where the dictionary does not know the exact name:
// its names in both languages, a tenure, a signup date, the currency.

export const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s)

// Names for a column: the dictionary's, else the header itself (Chinese headers give zh; English ones en,
// with a word-by-word name in the other language when every word is in its glossary).
export function namesOf(p: ColumnProfile, k: KnownColumn | undefined): { id: string; en: string; zh: string; zhKnown: boolean } {
  if (k) return { id: k.id, en: k.en, zh: k.zh, zhKnown: true }
  const cjk = hasCjk(p.name)
  const en = cjk ? (englishColumnName(p.name) ?? p.name) : p.name.replace(/[_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\s+/g, ' ').trim()
  const slug = en.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')
  const id = /^[a-z]/.test(slug) ? slug : `col_${p.index + 1}${slug ? `_${slug}` : ''}`
  const composed = cjk ? undefined : chineseColumnName(en)
  return { id, en: en.charAt(0).toUpperCase() + en.slice(1), zh: cjk ? p.name : (composed ?? en), zhKnown: cjk || composed !== undefined }
}

// How exports name the time a customer has been one, when the dictionary does not know the exact name.
export const tenureName = /tenure|as (a )?(customer|client|member|subscriber)|with (us|the company)|customer (for|age)|client (for|age)|account age|(membership|member|subscription|relationship) (length|age|duration|years|months|days)|(years|months) (active|subscribed|of service|on book)|在网|开通月|网龄|(会员|入网|使用|开通|注册|客户|合作|订阅)(月数|时长|年限|天数|年数|月份数)/i

/**
 * A signup date the dictionary does not know by name: a complete date column named like a start
 * ("Start", "Member since", "开始日期"), else the only complete date column left.
 */
export function startLikeDate(profiles: ColumnProfile[], used: Set<string>): ColumnProfile | undefined {
  const complete = profiles.filter((p) => p.dateFormat && !used.has(p.name) && p.blanks === 0 && lookupColumn(p.name)?.role !== 'churn_date' && lookupColumn(p.name)?.role !== 'end_date')
  return complete.find((p) => /start|since|join|creat|open|begin|first|sign.?up|regist|activat|enrol|开始|加入|创建|开通|注册|入网|签约/i.test(p.name)) ?? (complete.length === 1 ? complete[0] : undefined)
}

/** The currency the money columns' names state, the monthly revenue column's first: "Monthly Fee (EUR)" → EUR. */
export function statedCurrency(names: string[]): string | undefined {
  for (const n of names) {
    const c = currencyFromName(n)
    if (c) return c
  }
  return undefined
}
