import { basename } from 'node:path'
import type { Arrangement } from './arrange-files.js'
import { commonPrefix, isKey, stem, title } from './child-file-names.js'
import { lookupColumn } from './column-dictionary.js'
import type { MappingInput, SummaryAggregate } from './mapping-schema.js'
import { type ColumnProfile, profileColumns } from './profile-columns.js'
import type { Table } from './read-table.js'

type SummaryInput = NonNullable<MappingInput['summaries']>[number]
type MeasureInput = SummaryInput['measures'][number]

/** What the other files of a data set add: per-customer measures, and support tickets. */
export type InferredSummaries = { summaries: SummaryInput[]; tickets?: NonNullable<MappingInput['tickets']>; unnamed: string[] }

const ticketFile = /ticket|support|complain|工单|投诉/i
const usageFile = /usage|activity|event_log|session|使用|活跃/i
// A per-row figure whose customers' mean means something (a score, a duration); other numbers add up.
const averaged = /score|rating|satisf|csat|time|hour|minute|second|secs|duration|days|满意|时长|评分/i

/**
 * Proposes per-customer measures from the files with several rows per customer: how many rows
 * each customer has (tickets, usage records; 0 for none), and per numeric column its sum
 * (counts, amounts) or mean (scores, durations). From the churn-events file only amounts are
 * taken (refunds: their sum and the number of events with one): an event count would restate
 * churn itself. A file that looks like support tickets is also loaded into the tickets table.
 */
export function inferSummaries(files: Arrangement, taken: Set<string>, relativeTo: (file: string) => string): InferredSummaries {
  const summaries: SummaryInput[] = []
  const unnamed: string[] = []
  let tickets: InferredSummaries['tickets']
  const idOf = (base: string) => {
    let id = base
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`
    taken.add(id)
    return id
  }
  const prefix = commonPrefix([files.main, ...(files.events ? [files.events.table] : []), ...(files.subscriptions ? [files.subscriptions.table] : []), ...files.others.map((o) => o.table)].map(stem))

  for (const o of files.others) {
    const noun = stem(o.table).slice(prefix.length) || stem(o.table)
    const profiles = profileColumns(o.table).filter((p) => p.name !== o.on && p.name !== files.events?.on && !isKey(p))
    const isTickets = ticketFile.test(noun)
    const count = isTickets
      ? { id: 'support_tickets', en: 'Support tickets', zh: '工单数' }
      : usageFile.test(noun)
        ? { id: 'usage_records', en: 'Usage records', zh: '使用记录数' }
        : { id: `${slug(noun)}_rows`, en: `${title(noun)} rows`, zh: `${title(noun)}记录数` }
    if (!isTickets && !usageFile.test(noun)) unnamed.push(basename(o.table.file))
    const measures: MeasureInput[] = [{ id: idOf(count.id), name: { en: count.en, zh: count.zh }, unit: 'count', aggregate: 'count', description: `rows per customer in ${basename(o.table.file)} (0 when none)` }]
    for (const p of profiles) {
      if (!p.numeric || p.yesNo || p.dateFormat) continue
      const k = lookupColumn(p.name)
      const mean = averaged.test(p.name)
      const names = k ? { id: k.id, en: k.en, zh: k.zh } : { id: slug(p.name), en: title(p.name), zh: title(p.name) }
      if (!k) unnamed.push(p.name)
      measures.push({
        id: idOf(names.id), column: p.name, aggregate: mean ? 'mean' : 'sum', unit: k?.unit ?? (mean ? 'number' : 'count'),
        name: { en: mean ? `Average ${names.en.charAt(0).toLowerCase()}${names.en.slice(1)}` : `${names.en} (total)`, zh: mean ? `平均${names.zh}` : `${names.zh}合计` },
        description: `${mean ? 'mean' : 'sum'} of ${p.name} over the customer's rows in ${basename(o.table.file)}${mean ? ' (blank cells left out)' : ' (0 when none)'}`,
      })
    }
    summaries.push({ file: relativeTo(o.table.file), on: o.on, ...(o.via ? { via: { file: relativeTo(o.via.table.file), key: o.via.key, on: o.via.on } } : {}), measures })
    if (isTickets && !tickets && !o.via) tickets = ticketsOf(o.table, o.on, profiles, relativeTo)
  }

  // Subscriptions: how many each customer had and ended, and their monthly revenue, all and ended
  // ("MRR of the subscriptions that churned"); the spells and MRR history come from them already.
  if (files.subscriptions) {
    const t = files.subscriptions.table
    const byRole = (role: string) => profileColumns(t).find((p) => lookupColumn(p.name)?.role === role)
    const end = byRole('end_date')
    const amount = byRole('mrr')
    const file = basename(t.file)
    const measures: MeasureInput[] = [{ id: idOf('subscriptions'), aggregate: 'count', unit: 'count', name: { en: 'Subscriptions', zh: '订阅数' }, description: `subscriptions per customer in ${file}` }]
    if (end) measures.push({ id: idOf('ended_subscriptions'), aggregate: 'count', filled: end.name, unit: 'count', name: { en: 'Ended subscriptions', zh: '已结束订阅数' }, synonyms: { en: ['churned subscriptions', 'subscriptions that churned', 'cancelled subscriptions'], zh: ['流失订阅', '流失的订阅', '已取消订阅'] }, description: `subscriptions per customer in ${file} with an ${end.name} (0 when none)` })
    if (amount?.numeric) {
      measures.push({ id: idOf('subscription_mrr'), aggregate: 'sum', column: amount.name, unit: 'currency', name: { en: 'MRR of all subscriptions (total)', zh: '全部订阅MRR合计' }, description: `sum of ${amount.name} over the customer's subscriptions in ${file}` })
      if (end) measures.push({ id: idOf('ended_subscription_mrr'), aggregate: 'sum', column: amount.name, filled: end.name, unit: 'currency', name: { en: 'MRR of ended subscriptions (total)', zh: '已结束订阅MRR合计' }, synonyms: { en: ['mrr of churned subscriptions', 'mrr of the subscriptions that churned', 'mrr of subscriptions that churned', 'churned subscriptions mrr', 'churned subscription mrr'], zh: ['流失订阅的MRR', '流失订阅MRR', '流失的订阅的MRR'] }, description: `sum of ${amount.name} over the customer's subscriptions in ${file} with an ${end.name} (0 when none)` })
    }
    summaries.push({ file: relativeTo(t.file), on: files.subscriptions.on, measures })
  }

  // Amounts on churn events (refunds): the total per customer, and how many events carried one.
  if (files.events) {
    const measures: MeasureInput[] = []
    for (const p of profileColumns(files.events.table)) {
      const k = lookupColumn(p.name)
      if (!p.numeric || p.yesNo || isKey(p) || k?.unit !== 'currency') continue
      const aggregates: Array<[SummaryAggregate, string, { en: string; zh: string }, 'currency' | 'count']> = [
        // Ids name churn, as the risk model's rule for measures derived from the outcome expects.
        ['sum', `churn_${k.id}`, { en: `${k.en} on churn events (total)`, zh: `流失事件${k.zh}合计` }, 'currency'],
        ['count_positive', `churn_events_with_${k.id}`, { en: `Churn events with ${k.en.toLowerCase()}`, zh: `有${k.zh.replace(/金额$/, '')}的流失事件数` }, 'count'],
      ]
      for (const [aggregate, id, name, unit] of aggregates) {
        measures.push({ id: idOf(id), column: p.name, aggregate, unit, name, description: `${aggregate === 'sum' ? 'sum' : 'number of events with a value above 0'} of ${p.name} over the customer's churn events (0 when none); a consequence of churn, not a sign of it` })
      }
    }
    if (measures.length > 0) summaries.push({ file: relativeTo(files.events.table.file), on: files.events.on, measures })
  }
  return { summaries, ...(tickets ? { tickets } : {}), unnamed }
}

function ticketsOf(t: Table, on: string, profiles: ColumnProfile[], relativeTo: (file: string) => string): InferredSummaries['tickets'] {
  const opened = profiles.find((p) => p.dateFormat && /submit|open|creat|report|date|提交|创建/i.test(p.name))
    ?? profiles.find((p) => dateOfDateTime(p))
  const format = opened?.dateFormat ?? (opened ? 'YYYY-MM-DD' : undefined)
  if (!opened || !format) return undefined
  const hours = profiles.find((p) => p.numeric && /resol|hours?_to|hours?$/i.test(p.name))
  const category = profiles.find((p) => !p.numeric && p.distinct > 0 && p.distinct <= 20 && /priority|category|type|severity|topic|类别|优先/i.test(p.name))
  return { file: relativeTo(t.file), on, openedColumn: opened.name, format, ...(hours ? { hoursColumn: hours.name } : {}), ...(category ? { categoryColumn: category.name } : {}) }
}

// A column of ISO date-times ("2023-07-28 03:00:00"): its dates are read.
function dateOfDateTime(p: ColumnProfile): boolean {
  const values = [...p.counts.keys()]
  return values.length > 0 && values.every((v) => /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(v))
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'rows'

