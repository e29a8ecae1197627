import type { Arrangement } from './arrange-files.js'
import { commonPrefix, isKey, stem, title } from './child-file-names.js'
import { lookupColumn } from './column-dictionary.js'
import type { DetailFieldKind, MappingInput } from './mapping-schema.js'
import { yesNoValue } from './parse-values.js'
import { type ColumnProfile, profileColumns } from './profile-columns.js'
import type { Table } from './read-table.js'

type DetailInput = NonNullable<MappingInput['details']>[number]
type FieldInput = DetailInput['fields'][number]

const ticketFile = /ticket|support|complain|工单|投诉/i
const usageFile = /usage|activity|event_log|session|使用|活跃/i
// More distinct values than this is an id or free text, not a category to group rows by.
const maxCategories = 60

/**
 * Proposes the child files kept row by row (usage rows, subscriptions; not the churn events or
 * tickets, which have tables of their own): each numeric column as a number, each column of a
 * few repeated values as a category, each yes/no column as one; a yes/no churn column or an end
 * date marks the row's own end. Names come from the column dictionary, else from the header.
 */
export function inferDetails(files: Arrangement, relativeTo: (file: string) => string): DetailInput[] {
  const out: DetailInput[] = []
  const prefix = commonPrefix([files.main, ...(files.subscriptions ? [files.subscriptions.table] : []), ...files.others.map((o) => o.table)].map(stem))
  const taken = new Set<string>()
  const idOf = (base: string) => {
    let id = base
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`
    taken.add(id)
    return id
  }
  if (files.subscriptions) {
    const d = detailOf(files.subscriptions.table, files.subscriptions.on, undefined, relativeTo, { id: idOf('subscriptions'), en: 'Subscriptions', zh: '订阅', synonyms: { en: ['subscription'], zh: ['订阅记录'] } })
    if (d) out.push(d)
  }
  for (const o of files.others) {
    const noun = stem(o.table).slice(prefix.length) || stem(o.table)
    if (ticketFile.test(noun)) continue
    const names = usageFile.test(noun)
      ? { id: idOf('usage'), en: 'Usage records', zh: '使用记录', synonyms: { en: ['usage rows', 'usage row', 'usage record', 'usage'], zh: ['功能使用记录', '使用数据', '使用'] } }
      : { id: idOf(slug(noun)), en: `${title(noun)} rows`, zh: `${title(noun)}记录`, synonyms: { en: [noun.replace(/_+/g, ' ')], zh: [] } }
    const d = detailOf(o.table, o.on, o.via ? { file: relativeTo(o.via.table.file), key: o.via.key, on: o.via.on } : undefined, relativeTo, names)
    if (d) out.push(d)
  }
  return out
}

type Names = { id: string; en: string; zh: string; synonyms: { en: string[]; zh: string[] } }

function detailOf(t: Table, on: string, via: DetailInput['via'], relativeTo: (file: string) => string, names: Names): DetailInput | undefined {
  const profiles = profileColumns(t).filter((p) => p.name !== on && p.name !== via?.on && !isKey(p) && !p.dateFormat && p.distinct > 0)
  const flag = profiles.find((p) => p.yesNo && lookupColumn(p.name)?.role === 'churn')
  const endDate = profileColumns(t).find((p) => lookupColumn(p.name)?.role === 'end_date' && p.blanks > 0)
  const ended: DetailInput['ended'] = flag ? { flagColumn: flag.name, trueValues: yesValues(flag) } : endDate ? { filledColumn: endDate.name } : undefined
  const fields: FieldInput[] = []
  const ids = new Set<string>()
  for (const p of profiles) {
    if (p === flag) continue
    const kind = kindOf(p)
    if (!kind) continue
    const k = lookupColumn(p.name)
    if (k && (k.role === 'ignore' || k.role === 'reason' || k.role === 'feedback' || k.role === 'name')) continue
    const spaced = p.name.replace(/[_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase()
    let id = k?.id ?? (slug(p.name) || 'field')
    for (let i = 2; ids.has(id); i++) id = `${k?.id ?? slug(p.name)}_${i}`
    ids.add(id)
    fields.push({
      id,
      column: p.name,
      kind,
      name: { en: k?.en ?? title(p.name), zh: k?.zh ?? title(p.name) },
      unit: kind === 'number' ? (k?.unit ?? (/amount|mrr|arr|revenue|price|fee|usd|charge/i.test(p.name) ? 'currency' : 'number')) : 'number',
      synonyms: { en: [spaced, spaced.replace(/ (flag|name|amount)$/, '')].filter((s, i, a) => a.indexOf(s) === i), zh: [] },
      ...(kind === 'yes_no' ? { trueValues: yesValues(p) } : {}),
    })
  }
  if (fields.length === 0) return undefined
  return { id: names.id, file: relativeTo(t.file), on: via ? via.key : on, ...(via ? { via } : {}), name: { en: names.en, zh: names.zh }, synonyms: names.synonyms, ...(ended ? { ended } : {}), fields }
}

function kindOf(p: ColumnProfile): DetailFieldKind | undefined {
  if (p.yesNo) return 'yes_no'
  if (p.numeric) return 'number'
  if (!p.unique && p.distinct <= maxCategories) return 'category'
  return undefined
}

const yesValues = (p: ColumnProfile) => {
  const out = [...p.counts.keys()].filter((v) => yesNoValue(v) === 'Yes')
  return out.length > 0 ? out : ['Yes']
}
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 'f_$1')

