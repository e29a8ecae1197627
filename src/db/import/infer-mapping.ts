import { basename, dirname, relative } from 'node:path'
import type { MeasureUnit } from '../../catalog/measure-def.js'
import { AppError } from '../../errors.js'
import { addDays, startOfMonth } from '../../time/dates.js'
import { parseDate } from '../../time/parse-date.js'
import type { Arrangement } from './arrange-files.js'
import { hasCjk, namesOf, startLikeDate, statedCurrency, tenureName } from './column-guesses.js'
import { type ColumnRole, lookupColumn, unitFromName } from './column-dictionary.js'
import type { BuiltInColumn, MappingInput, TenureUnit } from './mapping-schema.js'
import { yesNoValue } from './parse-values.js'
import { type ColumnProfile, profileColumns } from './profile-columns.js'
import type { Table } from './read-table.js'
import { spellingKey } from './spelling-variants.js'
import { lookupValue, reasonOf } from './value-dictionary.js'
import { inferDetails } from './infer-details.js'
import { inferSummaries } from './infer-summaries.js'

/** A choice inference made that the user should review, as data (the CLI words it). */
export type InferenceNote =
  | { kind: 'files'; main: string; joined: string[]; events?: string; subscriptions?: string; others?: string[]; unused: Array<{ file: string; why: string }> }
  | { kind: 'as_of'; asOf: string; basis: 'latest_date' | 'today' | 'quarter_column'; quarter?: string }
  | { kind: 'window'; window: 'month' | 'quarter'; basis: 'quarter_column' | 'default' }
  | { kind: 'tenure_unit'; column: string; min: number; max: number; unit: TenureUnit; basis: 'name' | 'values' }
  | { kind: 'ignored'; column: string; why: string }
  | { kind: 'unnamed_in_chinese'; columns: string[] }

/** A proposed mapping with the notes explaining it. */
export type Inference = { mapping: MappingInput; notes: InferenceNote[] }

/** Options for inferMapping. */
export type InferOptions = {
  /** Today (YYYY-MM-DD): a snapshot without dates is placed at the start of this month. Default: the clock. */
  today?: string
}

const churnedWord = /attrit|churn|left|exit|cancel|closed|lost|inactive|terminat|流失|离网|注销|已退/i

/**
 * Proposes a mapping for a data set nobody described: profiles every column, names it from
 * the built-in dictionary (English and Chinese), finds id, churn, signup or tenure, revenue,
 * reasons, dimensions (yes/no ones flagged) and numeric attributes, and says what it assumed.
 */
export function inferMapping(files: Arrangement, opts: InferOptions = {}): Inference {
  const notes: InferenceNote[] = []
  const main = files.main
  const profiles = profileColumns(main)
  const used = new Set<string>()
  const ignored: Record<string, string> = {}
  const ignore = (column: string, why: string) => { used.add(column); ignored[column] = why; notes.push({ kind: 'ignored', column, why }) }
  const known = (p: ColumnProfile) => lookupColumn(p.name)
  const withRole = (role: ColumnRole, ps = profiles) => ps.filter((p) => !used.has(p.name) && known(p)?.role === role && p.distinct > 0)
  notes.push({ kind: 'files', main: basename(main.file), joined: files.join.map((j) => j.file), events: files.events && basename(files.events.table.file), subscriptions: files.subscriptions && basename(files.subscriptions.table.file), others: files.others.map((o) => basename(o.table.file)), unused: files.unused })

  // Customer id: a known id column with one row per value, else the first such column.
  const id = withRole('id').find((p) => p.unique) ?? profiles.find((p) => p.unique && !p.dateFormat)
  if (!id) throw new AppError('import_failed', `${basename(main.file)}: no column has a different value on every row, so no customer id was found. Write a mapping (see data/mappings/README.md).`)
  used.add(id.name)
  const name = withRole('name').find((p) => p !== id)
  if (name) used.add(name.name)

  const churn = inferChurn(files, profiles, withRole, used, ignore)
  const dates: string[] = []
  if ('dateColumn' in churn) dates.push(...datesOf(main, churn.dateColumn, churn.format))
  if ('events' in churn && files.events) dates.push(...datesOf(files.events.table, churn.events.dateColumn, churn.events.format))

  // Signup: a date column, else a tenure whose unit the name or the values give.
  let signup: MappingInput['signup'] | undefined
  const signupDate = withRole('signup_date').find((p) => p.dateFormat) ?? startLikeDate(profiles, used)
  if (signupDate?.dateFormat) {
    signup = { column: signupDate.name, format: signupDate.dateFormat }
    used.add(signupDate.name)
    dates.push(...datesOf(main, signupDate.name, signupDate.dateFormat))
  } else {
    const tenure = withRole('tenure').find((p) => p.numeric) ?? profiles.find((p) => !used.has(p.name) && p.numeric && tenureName.test(p.name))
    if (!tenure) throw new AppError('import_failed', `${basename(main.file)}: found no signup date and no tenure column. Write a mapping (see data/mappings/README.md).`)
    const named = known(tenure)?.tenureUnit ?? unitFromName(tenure.name)
    const unit: TenureUnit = named ?? (tenure.max <= 15 ? 'years' : tenure.max <= 150 ? 'months' : 'days')
    notes.push({ kind: 'tenure_unit', column: tenure.name, min: tenure.min, max: tenure.max, unit, basis: named ? 'name' : 'values' })
    signup = { tenureColumn: tenure.name, unit }
    used.add(tenure.name)
  }

  // asOf: the day after the last date in the data; a snapshot without dates is placed at this month's start.
  let asOf: string
  if (files.subscriptions) {
    const s = subscriptionColumns(files.subscriptions.table)
    if (s.format) dates.push(...datesOf(files.subscriptions.table, s.start, s.format), ...(s.end ? datesOf(files.subscriptions.table, s.end, s.format) : []))
  }
  // A file that names its quarter (IBM 11.1.3: Quarter = Q3) and has no dates is that quarter of the latest year it has ended
  // by today, so "Q3" asks about the data's own window and "Q1" about one it does not have.
  const namedQuarter = profiles.find((p) => known(p)?.id === 'quarter' && p.distinct === 1 && /^q[1-4]$/i.test([...p.counts.keys()][0] ?? ''))
  if (dates.length > 0) {
    asOf = addDays(dates.reduce((a, b) => (a > b ? a : b)), 1)
    notes.push({ kind: 'as_of', asOf, basis: 'latest_date' })
  } else if (namedQuarter && ('flagColumn' in churn || 'statusColumn' in churn)) {
    const quarter = [...namedQuarter.counts.keys()][0].toUpperCase()
    asOf = afterLatestQuarter(Number(quarter.slice(1)), opts.today ?? new Date().toISOString().slice(0, 10))
    notes.push({ kind: 'as_of', asOf, basis: 'quarter_column', quarter })
  } else {
    asOf = startOfMonth(opts.today ?? new Date().toISOString().slice(0, 10))
    notes.push({ kind: 'as_of', asOf, basis: 'today' })
  }
  if ('flagColumn' in churn || 'statusColumn' in churn) {
    churn.window = namedQuarter ? 'quarter' : 'month'
    notes.push({ kind: 'window', window: churn.window, basis: namedQuarter ? 'quarter_column' : 'default' })
  }

  const churnReason = inferReason(files, profiles, withRole, used)
  const mrr = inferMrr(files, profiles, withRole, used, signup)

  // Everything else: dimensions, yes/no dimensions, numeric attributes, or left out with a reason.
  const dimensions: NonNullable<MappingInput['dimensions']> = []
  const measures: NonNullable<MappingInput['measures']> = []
  const ids = new Set<string>()
  const builtIns = new Set<BuiltInColumn>()
  const unnamed: string[] = []
  const uniqueId = (base: string) => {
    let idv = base
    for (let i = 2; ids.has(idv); i++) idv = `${base}_${i}`
    ids.add(idv)
    return idv
  }
  for (const p of profiles) {
    if (used.has(p.name)) continue
    const k = known(p)
    if (k?.role === 'ignore') { ignore(p.name, k.why ?? 'not needed'); continue }
    if (k && !['dimension', 'measure'].includes(k.role) && !(k.role === 'status' && keptStatus(p))) { ignore(p.name, `another ${k.en.toLowerCase()} column`); continue }
    if (p.distinct === 0) { ignore(p.name, 'empty'); continue }
    // A known place or segment column with one value (State = California) stays: "churn in California" is then the
    // whole base, answered, while a place the data does not have is refused by name.
    if (p.distinct === 1 && p.blanks === 0 && k?.role !== 'dimension') { ignore(p.name, 'the same on every row'); continue }
    if (p.dateFormat) { ignore(p.name, 'a date other than signup or churn'); continue }
    const names = namesOf(p, k)
    if (!names.zhKnown) unnamed.push(p.name)
    const asDimension = p.yesNo || !p.numeric || k?.role === 'status' || (k?.role === 'dimension' && p.distinct <= 12)
    if (!asDimension) {
      measures.push({ id: uniqueId(k?.id ?? names.id), sourceColumn: p.name, name: { en: names.en, zh: names.zh }, unit: k?.unit ?? unitOf(p.name) })
      continue
    }
    if (p.unique && !k) { ignore(p.name, 'a different value on every row (an id or free text)'); continue }
    if (p.distinct > 200 && !k) { ignore(p.name, `too many distinct values (${p.distinct}) to break churn down by`); continue }
    const builtIn = k?.builtIn && !builtIns.has(k.builtIn) ? k.builtIn : undefined
    if (builtIn) builtIns.add(builtIn)
    const dimId = uniqueId(builtIn ?? (k?.builtIn ? `${k.builtIn}_2` : (k?.id ?? names.id)))
    dimensions.push({
      id: dimId,
      sourceColumn: p.name,
      name: { en: names.en, zh: names.zh },
      ...(p.yesNo ? { yesNo: true } : {}),
      ...(k?.outcome ? { outcome: k.outcome } : {}),
      ...valuesOf(p),
    })
  }
  // Churn read from a status with more values than churned / not (Stayed / Churned / Joined): the status
  // also stays as an outcome dimension, so "how many joined" can be counted.
  if ('statusColumn' in churn) {
    const status = profiles.find((p) => p.name === churn.statusColumn)
    if (status && !status.yesNo && status.distinct >= 3 && status.distinct <= 12) {
      dimensions.push({ id: uniqueId('customer_status'), sourceColumn: status.name, name: { en: 'Customer status', zh: '客户状态' }, outcome: 'status', ...valuesOf(status) })
    }
  }
  // With churn from events, a churn flag in the customer file is a second, disagreeing signal
  // (RavenStack: 110 flagged, 352 with events): kept as a yes/no dimension so questions about
  // "flagged" accounts can be answered and the disagreement shown, not silently dropped.
  if ('events' in churn && churn.events.compareFlag) {
    const flag = profiles.find((p) => p.name === churn.events.compareFlag?.column)
    if (flag) {
      delete ignored[flag.name]
      const note = notes.findIndex((n) => n.kind === 'ignored' && n.column === flag.name)
      if (note >= 0) notes.splice(note, 1)
      dimensions.push({
        id: uniqueId('churn_flag'),
        sourceColumn: flag.name,
        name: { en: 'Flagged as churned', zh: '标记为流失' },
        synonyms: { en: ['churn flag', 'churn_flag', 'flagged', 'flagged churned'], zh: ['流失标记', '标记流失', '被标记为流失', '标记'] },
        description: `the data's own churn flag (${flag.name}); churn itself is counted from the churn events, and the two disagree`,
        yesNo: true,
        ...valuesOf({ ...flag, yesNo: true }),
      })
    }
  }
  const others = inferSummaries(files, ids, (f) => relativeTo(main.file, f))
  const details = inferDetails(files, (f) => relativeTo(main.file, f))
  unnamed.push(...others.unnamed)
  if (unnamed.length > 0) notes.push({ kind: 'unnamed_in_chinese', columns: unnamed })

  const mapping: MappingInput = {
    description: `Proposed by churn-insight import from ${basename(main.file)}: review the names, the churn window and asOf.`,
    customerId: id.name,
    ...(name ? { name: name.name } : {}),
    asOf,
    currency: statedCurrency([...(mrr && 'column' in mrr ? [mrr.column] : []), ...profiles.map((p) => p.name)]) ?? (profiles.some((p) => hasCjk(p.name)) ? 'CNY' : 'USD'),
    ...(files.join.length > 0 ? { join: files.join } : {}),
    signup,
    churn,
    ...(churnReason ? { churnReason } : {}),
    ...(mrr ? { mrr } : {}),
    dimensions,
    measures,
    ...(others.summaries.length > 0 ? { summaries: others.summaries } : {}),
    ...(others.tickets ? { tickets: others.tickets } : {}),
    ...(details.length > 0 ? { details } : {}),
    ...(Object.keys(ignored).length > 0 ? { ignored } : {}),
  }
  return { mapping, notes }
}

/** The day after calendar quarter `q` of the latest year in which it has ended by `today` (Q3, 2026-12-01 → 2026-10-01). */
export function afterLatestQuarter(q: number, today: string): string {
  const year = Number(today.slice(0, 4))
  const after = (y: number) => (q === 4 ? `${y + 1}-01-01` : `${y}-${String(3 * q + 1).padStart(2, '0')}-01`)
  return after(year) <= today ? after(year) : after(year - 1)
}

type WithRole = (role: ColumnRole, ps?: ColumnProfile[]) => ColumnProfile[]
type ChurnInput = MappingInput['churn'] & { window?: 'month' | 'quarter' }

/** A status column with more values than churned / not churned: kept as an outcome dimension to count by. */
function keptStatus(p: ColumnProfile): boolean {
  return lookupColumn(p.name)?.role === 'status' && !p.yesNo && p.distinct >= 3 && p.distinct <= 12
}

function inferChurn(files: Arrangement, profiles: ColumnProfile[], withRole: WithRole, used: Set<string>, ignore: (c: string, why: string) => void): ChurnInput {
  const flags = [...withRole('churn'), ...withRole('status')]
  let churn: ChurnInput | undefined
  if (files.events) {
    const t = files.events.table
    const ps = profileColumns(t)
    const date = ps.find((p) => lookupColumn(p.name)?.role === 'churn_date' && p.dateFormat)
    if (!date?.dateFormat) throw new AppError('import_failed', `${basename(t.file)}: no churn date column with readable dates`)
    const flag = flags.find((p) => p.yesNo)
    const comeback = ps.find((p) => /reactivat|came ?back|returned|回流|召回/i.test(p.name) && p.yesNo)
    const refund = ps.find((p) => p.numeric && !p.yesNo && lookupColumn(p.name)?.id === 'refunds')
    churn = { events: { file: relativeTo(files.main.file, t.file), on: files.events.on, dateColumn: date.name, format: date.dateFormat, ...(comeback ? { reactivationColumn: comeback.name } : {}), ...(refund ? { refundColumn: refund.name } : {}), ...(flag ? { compareFlag: { column: flag.name, trueValues: valuesAnswering(flag, 'Yes') } } : {}) } }
  }
  // A churn date beside a flag makes the data dated (churn by month, not one window): use it when
  // nearly every flagged row has its date.
  const dated = withRole('churn_date').find((p) => p.dateFormat && p.rows > p.blanks)
  if (!churn && dated?.dateFormat) {
    const flag = flags.find((p) => p.yesNo)
    const flagged = flag ? valuesAnswering(flag, 'Yes', ['Yes']).reduce((n, v) => n + (flag.counts.get(v) ?? 0), 0) : 0
    if (!flag || dated.rows - dated.blanks >= 0.9 * flagged) {
      churn = { dateColumn: dated.name, format: dated.dateFormat }
      used.add(dated.name)
    }
  }
  for (const p of flags) {
    if (churn) break
    if (p.yesNo) churn = { flagColumn: p.name, trueValues: valuesAnswering(p, 'Yes', ['Yes']), falseValues: valuesAnswering(p, 'No') }
    else if (p.distinct >= 2 && p.distinct <= 10) {
      const values = [...p.counts.keys()]
      const churned = values.filter((v) => churnedWord.test(v))
      if (churned.length > 0 && churned.length < values.length) churn = { statusColumn: p.name, churnedValues: churned, activeValues: values.filter((v) => !churned.includes(v)) }
    }
    if (churn) used.add(p.name)
  }
  if (!churn) {
    const date = withRole('churn_date').find((p) => p.dateFormat)
    if (date?.dateFormat) { churn = { dateColumn: date.name, format: date.dateFormat }; used.add(date.name) }
  }
  if (!churn) {
    throw new AppError('import_failed', `${basename(files.main.file)}: found no churn column (a flag such as Churn/Exited, a status, or a churn date). Columns: ${profiles.map((p) => JSON.stringify(p.name)).join(', ')}. Write a mapping (see data/mappings/README.md).`)
  }
  // Other forms of the churn label would give the answer away as a "dimension"; a status with more
  // values than churned/not (Stayed / Churned / Joined) says more than the label and stays, as an outcome.
  for (const p of flags) if (!used.has(p.name) && !keptStatus(p)) ignore(p.name, 'another form of the churn label')
  return churn
}

// Files a mapping names are relative to the customer file, so the mapping travels with the data.
function relativeTo(mainFile: string, file: string): string {
  return relative(dirname(mainFile), file)
}

// The raw spellings in a yes/no column that mean `answer` ("1", "Yes", "True." …).
function valuesAnswering(p: ColumnProfile, answer: 'Yes' | 'No', fallback: string[] = []): string[] {
  const out = [...p.counts.keys()].filter((v) => yesNoValue(v) === answer)
  return out.length > 0 ? out : fallback
}

function inferReason(files: Arrangement, profiles: ColumnProfile[], withRole: WithRole, used: Set<string>): MappingInput['churnReason'] {
  const source = files.events ? profileColumns(files.events.table) : profiles
  const pick = (role: ColumnRole) => (files.events ? source.filter((p) => lookupColumn(p.name)?.role === role && p.distinct > 0) : withRole(role))[0]
  const reason = pick('reason')
  const feedback = pick('feedback')
  if (!reason && !feedback) return undefined
  if (!files.events) for (const p of [reason, feedback]) if (p) used.add(p.name)
  const texts = reason ? [...reason.counts.keys()] : []
  const codes = Object.fromEntries(texts.map((t) => [t, reasonOf(t)]))
  const sentences = texts.length > 0 && texts.reduce((s, t) => s + t.length, 0) / texts.length > 15
  const language = [...texts, ...(feedback ? [...feedback.counts.keys()].slice(0, 50) : [])].some(hasCjk) ? 'zh' : 'en'
  return {
    column: (reason ?? feedback).name,
    codes: reason ? codes : {},
    // Free-text feedback alone has no codes: its texts are classified by keywords, like any feedback.
    unmapped: reason ? 'other' : 'classify',
    asFeedback: reason ? sentences && !feedback : true,
    ...(feedback && reason ? { feedbackColumn: feedback.name } : {}),
    language,
  }
}

function subscriptionColumns(t: Table) {
  const ps = profileColumns(t)
  const role = (r: ColumnRole) => ps.find((p) => lookupColumn(p.name)?.role === r)
  const start = role('signup_date')
  const end = role('end_date')
  const amount = role('mrr')
  return { start: start?.name ?? '', end: end?.dateFormat || end?.blanks ? end.name : undefined, amount: amount?.name ?? '', format: start?.dateFormat }
}

function inferMrr(files: Arrangement, profiles: ColumnProfile[], withRole: WithRole, used: Set<string>, signup: MappingInput['signup']): MappingInput['mrr'] {
  if (files.subscriptions) {
    const s = subscriptionColumns(files.subscriptions.table)
    if (s.format && s.amount) {
      return { file: relativeTo(files.main.file, files.subscriptions.table.file), on: files.subscriptions.on, amountColumn: s.amount, startColumn: s.start, ...(s.end ? { endColumn: s.end } : {}), format: s.format }
    }
  }
  const monthly = withRole('mrr').find((p) => p.numeric || p.distinct === 0 || p.padded > 0)
  if (monthly) { used.add(monthly.name); return { column: monthly.name } }
  // A yearly amount (ARR, annual contract value) is a twelfth of it a month.
  const yearly = profiles.find((p) => !used.has(p.name) && p.numeric && ['arr', 'annual_revenue'].includes(lookupColumn(p.name)?.id ?? ''))
  if (yearly) { used.add(yearly.name); return { column: yearly.name, per: 'year' } }
  const total = profiles.find((p) => !used.has(p.name) && lookupColumn(p.name)?.id === 'total_charges')
  if (total && 'tenureColumn' in signup) return { totalColumn: total.name, overTenure: true }
  return undefined
}

function unitOf(column: string): MeasureUnit {
  const n = column.toLowerCase()
  if (/age|年龄/.test(n)) return 'years'
  if (/charge|amount|amt|revenue|balance|income|salary|price|spend|cost|limit|fee|费|金额|收入/.test(n)) return 'currency'
  if (/ratio|rate|share|率/.test(n)) return 'ratio'
  if (/percent|pct|%/.test(n)) return 'percent'
  if (/score|rating|评分/.test(n)) return 'score'
  if (/month|月/.test(n)) return 'months'
  if (/count|number|num|ct\b|_ct|次数|数/.test(n)) return 'count'
  return 'number'
}

// Value labels per language from the dictionary, Yes/No as 是/否, and spellings unified.
function valuesOf(p: ColumnProfile): Pick<NonNullable<MappingInput['dimensions']>[number], 'values' | 'valueMap'> {
  const values: Record<string, { label?: { en?: string; zh?: string }; en?: string[]; zh?: string[] }> = {}
  const valueMap: Record<string, string> = {}
  if (p.yesNo) {
    values.Yes = { label: { en: 'Yes', zh: '是' }, zh: ['是', '有'] }
    values.No = { label: { en: 'No', zh: '否' }, zh: ['否', '没有', '无'] }
    return { values }
  }
  if (p.distinct > 200) return {}
  // The most frequent spelling wins when values differ only in case, spaces or hyphens.
  const bySpelling = new Map<string, string>()
  for (const [value] of [...p.counts].sort((a, b) => b[1] - a[1])) {
    const key = spellingKey(value)
    const canonical = bySpelling.get(key)
    if (canonical) { valueMap[value] = canonical; continue }
    bySpelling.set(key, value)
    const names = lookupValue(value)
    if (!names) continue
    const entry: (typeof values)[string] = { label: { en: names.en, zh: names.zh } }
    if (names.zh !== value) entry.zh = [names.zh]
    if (names.en !== value) entry.en = [names.en]
    values[value] = entry
  }
  return { values, ...(Object.keys(valueMap).length > 0 ? { valueMap } : {}) }
}

function datesOf(t: Table, column: string, format: Parameters<typeof parseDate>[1]): string[] {
  const at = t.columns.indexOf(column)
  const out: string[] = []
  let latest = ''
  for (const r of t.rows) {
    const d = parseDate(r[at] ?? '', format)
    if (d && d > latest) latest = d
  }
  if (latest) out.push(latest)
  return out
}
