import { addDays, addMonths } from '../../time/dates.js'
import { billedMonths } from '../../time/billed-months.js'
import { columnIndex, referencedColumns } from './column-index.js'
import type { BuiltInColumn, Mapping } from './mapping-schema.js'
import { type Parsed, flagKey, parseAmount, parseDateCell, parseFlag, parseNumber, parseTenure, yesNoValue } from './parse-values.js'
import type { Table } from './read-table.js'
import type { ImportedTicket } from './read-tickets.js'
import { maxTenure, snapshotWindow, tenureStart } from './tenure-dates.js'

/** One subscription spell of an imported customer: [start, end), end null while active. */
export type ImportedSpell = { start: string; end: string | null; reasonCode: string | null; reasonText: string | null; feedback: string | null }

/** One customer as read from the data, ready to write. */
export type ImportedCustomer = {
  line: number
  id: string
  name: string
  signupDate: string
  spells: ImportedSpell[]
  /** Monthly revenue over [start, end): one range per spell (or per subscription); months in several ranges add up. */
  revenue: Array<{ start: string; end: string; amount: number }>
  builtIns: Partial<Record<BuiltInColumn, string>>
  attributes: Array<{ dimension: string; value: string }>
  measures: Array<{ measure: string; value: number }>
  /** Support tickets, when the mapping reads a tickets file. */
  tickets?: ImportedTicket[]
  /** Every row of a churn-events file for this customer (two on one day stay two), in date order. */
  churnEvents?: ImportedChurnEvent[]
}

/** One row of a churn-events file: its date, whether the customer came back from it, the amount refunded (null: unknown). */
export type ImportedChurnEvent = { date: string; reactivation: boolean; refund: number | null }

/** A problem with one cell, already phrased for the user. */
export type RowError = { line: number; column: string; message: string }

/** Formats a row error as `line 12, column "Tenure Months": expected …, got "abc"`. */
export function formatRowError(e: RowError): string {
  return `line ${e.line}, column ${JSON.stringify(e.column)}: ${e.message}`
}

/** Rows of the one-to-many files a mapping reads, grouped by customer id. */
export type RelatedRows = {
  events?: { table: Table; byKey: Map<string, number[]> }
  subscriptions?: { table: Table; byKey: Map<string, number[]> }
}

/** What the parser counted while accepting rows (the dry run turns them into warnings). */
export type ParseCounters = { churnedWithoutTenure: number; churnedBeforeSignup: number; datedOnAsOf: number }

/**
 * Builds the per-row parser for a mapping and the (joined) main table; throws when the
 * mapping names columns the files lack. Each call validates and converts one row.
 */
export function createRowParser(m: Mapping, table: Table, related: RelatedRows, counters: ParseCounters): (row: number) => ImportedCustomer | RowError[] {
  const at = columnIndex(referencedColumns(m), table.columns)
  const asOf = m.asOf
  const snapshot = 'flagColumn' in m.churn || 'statusColumn' in m.churn
  const window = 'window' in m.churn ? snapshotWindow(asOf, m.churn.window) : undefined
  const snapshotChurnDate = addDays(asOf, -1) // a snapshot's churners leave on the window's last day
  const historyFrom = window ? addMonths(window.from, -6) : undefined
  const events = 'events' in m.churn ? eventReader(m, related) : undefined
  const subscriptions = m.mrr && 'file' in m.mrr ? subscriptionReader(m, related) : undefined
  const statusKeys = 'statusColumn' in m.churn ? { churned: new Set(m.churn.churnedValues.map(flagKey)), active: m.churn.activeValues && new Set(m.churn.activeValues.map(flagKey)) } : undefined
  // A dimension column holds few distinct texts: each is resolved (trimmed, relabelled, read as
  // yes/no) once and remembered, instead of once per cell (16 columns × 100,000 rows).
  const dims = m.dimensions.map((d) => {
    const map = new Map(Object.entries(d.valueMap))
    const resolved = new Map<string, string>()
    const resolve = (cellText: string): string => {
      let value = resolved.get(cellText)
      if (value === undefined) {
        const raw = cellText.trim()
        value = raw === '' ? '' : (map.get(raw) ?? raw)
        if (d.yesNo && value !== '') value = yesNoValue(value) ?? value
        resolved.set(cellText, value)
      }
      return value
    }
    return { d, at: at(d.sourceColumn), resolve }
  })
  const measures = m.measures.map((x) => ({ id: x.id, column: x.sourceColumn, at: at(x.sourceColumn) }))
  // Tenures repeat (0–72 months in a telecom file): each start date is computed once.
  const tenureStarts = new Map<number, { billing: string; signup: string }>()
  const startOfTenure = (tenure: number, unit: Parameters<typeof tenureStart>[2]) => {
    let start = tenureStarts.get(tenure)
    if (start === undefined) {
      const billing = tenureStart(asOf, tenure, unit)
      tenureStarts.set(tenure, (start = { billing, signup: addDays(billing, -1) }))
    }
    return start
  }
  const reason = m.churnReason

  // Per-row state the helpers read, so they are created once rather than for every row.
  let values: string[] = []
  let line = 0
  let errors: RowError[] = []
  const cell = (column: string) => values[at(column)] ?? ''
  const take = <T>(column: string, p: Parsed<T>, text?: string): T | undefined => {
    if (p.ok) return p.value
    errors.push({ line, column, message: `expected ${p.expected}, got ${JSON.stringify(text ?? cell(column))}` })
    return undefined
  }
  const bad = (column: string, message: string) => { errors.push({ line, column, message }) }

  return (row) => {
    values = table.rows[row]
    line = table.lines[row]
    errors = []

    const id = cell(m.customerId).trim()
    if (id === '') bad(m.customerId, 'the customer id is empty')

    // Churn first: a churned snapshot row with no tenure is still placed (inside the window).
    let churned: boolean | undefined
    let churnDate: string | null | undefined = events ? null : undefined // events: spells come from the events file
    if ('dateColumn' in m.churn) {
      const text = cell(m.churn.dateColumn)
      churnDate = text.trim() === '' ? null : take(m.churn.dateColumn, parseDateCell(text, m.churn.format))
      if (churnDate && churnDate > asOf) bad(m.churn.dateColumn, `the churn date ${churnDate} is after asOf (${asOf})`)
      churned = churnDate === undefined ? undefined : churnDate !== null
    } else if ('flagColumn' in m.churn) {
      churned = take(m.churn.flagColumn, parseFlag(cell(m.churn.flagColumn), m.churn.trueValues, m.churn.falseValues))
    } else if (statusKeys && 'statusColumn' in m.churn) {
      const k = flagKey(cell(m.churn.statusColumn))
      if (statusKeys.churned.has(k)) churned = true
      else if (!statusKeys.active || statusKeys.active.has(k)) churned = false
      else bad(m.churn.statusColumn, `expected one of ${[...m.churn.churnedValues, ...(m.churn.activeValues ?? [])].map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(cell(m.churn.statusColumn))}`)
    }
    if (snapshot && churned !== undefined) churnDate = churned ? snapshotChurnDate : null

    let signupDate: string | undefined
    let billingStart: string | undefined
    let tenure: number | null | undefined
    if ('column' in m.signup) {
      signupDate = take(m.signup.column, parseDateCell(cell(m.signup.column), m.signup.format))
      billingStart = signupDate
    } else {
      const { tenureColumn, unit } = m.signup
      tenure = take(tenureColumn, parseTenure(cell(tenureColumn), maxTenure[unit]))
      if (tenure === null && !churned) bad(tenureColumn, 'the tenure is blank for a customer who did not churn, so the signup date is unknown')
      else if (churned && window && (tenure === null || tenure === 0)) {
        // Joined and left within the window: the snapshot shows them only as a churner.
        counters.churnedWithoutTenure++
        signupDate = billingStart = window.from
      } else if (tenure !== undefined && tenure !== null) {
        // Tenure counts whole units up to the snapshot: a customer with tenure n was already
        // active the day before asOf − n, so "active at period start" includes them.
        const start = startOfTenure(tenure, unit)
        billingStart = start.billing
        signupDate = start.signup
      }
    }
    if (signupDate && signupDate > asOf) bad(signupColumn(m), `the signup date ${signupDate} is after asOf (${asOf})`)

    // Spells: one per customer, or one per churn event (each later event implies a comeback).
    let spells: ImportedSpell[] | undefined
    let churnEvents: ImportedChurnEvent[] | undefined
    if (signupDate !== undefined && churnDate !== undefined && errors.length === 0) {
      if (events) ({ spells, events: churnEvents } = events(id, signupDate, bad, counters))
      else {
        let start = signupDate
        if (churnDate && churnDate < start) {
          counters.churnedBeforeSignup++
          start = churnDate
        }
        if (churnDate === asOf) counters.datedOnAsOf++
        const spell: ImportedSpell = { start, end: churnDate, reasonCode: null, reasonText: null, feedback: null }
        if (reason && churnDate) Object.assign(spell, readReason(reason, cell(reason.column), reason.feedbackColumn ? cell(reason.feedbackColumn) : '', (msg) => bad(reason.column, msg)))
        spells = [spell]
      }
      if (spells[0] && spells[0].start < signupDate) billingStart = spells[0].start // moved back to an earlier churn
    }

    // Revenue: a constant monthly amount over each spell, or the subscriptions' own ranges.
    let revenue: ImportedCustomer['revenue'] | undefined = []
    if (m.mrr && spells && billingStart) {
      let amount: number | null | undefined = null
      if ('column' in m.mrr) {
        amount = take(m.mrr.column, parseAmount(cell(m.mrr.column)))
        if (m.mrr.per === 'year' && typeof amount === 'number') amount /= 12
      }
      else if ('columns' in m.mrr) amount = sumAmounts(m.mrr.columns.map((c) => take(c, parseAmount(cell(c)))))
      else if ('totalColumn' in m.mrr) {
        const total = take(m.mrr.totalColumn, parseAmount(cell(m.mrr.totalColumn)))
        const months = billedMonths(billingStart, spells[0].end ?? asOf).length
        amount = total === undefined ? undefined : total === null || months === 0 ? null : total / months
      }
      if (subscriptions) revenue = subscriptions(id, bad)
      else if (amount === undefined) revenue = undefined
      else if (amount) {
        revenue = spells.map((s, i) => ({ start: i === 0 ? (billingStart as string) : s.start, end: s.end ?? asOf, amount: amount as number }))
        // A snapshot states today's charge, not its history: months long before the window would
        // only repeat it (3.2M rows for 100,000 telecom customers). The stored months reach back
        // six months before the window, further than any reading of the window looks (its
        // starting MRR, the risk model's three-month change).
        if (historyFrom) revenue = revenue.filter((r) => r.end > historyFrom).map((r) => (r.start < historyFrom ? { ...r, start: historyFrom } : r))
      }
    }

    const builtIns: ImportedCustomer['builtIns'] = {}
    const attributes: ImportedCustomer['attributes'] = []
    for (const { d, at: i, resolve } of dims) {
      const value = resolve(values[i] ?? '')
      if (value === '') continue // blank (or mapped to blank) = unknown: no value stored
      if (d.column) builtIns[d.column] = value
      else attributes.push({ dimension: d.id, value })
    }
    const measureValues: ImportedCustomer['measures'] = []
    for (const x of measures) {
      const v = take(x.column, parseNumber(values[x.at] ?? ''))
      if (v !== null && v !== undefined) measureValues.push({ measure: x.id, value: v })
    }

    if (errors.length > 0 || signupDate === undefined || spells === undefined || revenue === undefined) return errors
    const name = m.name ? cell(m.name).trim() : ''
    return { line, id, name: name || id, signupDate: spells[0]?.start ?? signupDate, spells, revenue, builtIns, attributes, measures: measureValues, ...(churnEvents ? { churnEvents } : {}) }
  }
}

function sumAmounts(parts: Array<number | null | undefined>): number | null | undefined {
  if (parts.some((p) => p === undefined)) return undefined
  if (parts.every((p) => p === null)) return null
  return parts.reduce<number>((s, p) => s + (p ?? 0), 0)
}

type Reason = NonNullable<Mapping['churnReason']>

// The stated reason of one churn: its code (exact, then case-insensitive), text and feedback.
function readReason(r: Reason, rawText: string, rawFeedback: string, bad: (msg: string) => void): Pick<ImportedSpell, 'reasonCode' | 'reasonText' | 'feedback'> {
  const text = rawText.trim()
  const feedbackText = rawFeedback.trim()
  let reasonCode: string | null = null
  let reasonText: string | null = null
  if (text !== '') {
    const code = r.codes[text] ?? Object.entries(r.codes).find(([k]) => k.toLowerCase() === text.toLowerCase())?.[1]
    if (code === undefined && r.unmapped === 'error') bad(`reason ${JSON.stringify(text)} is not listed in churnReason.codes`)
    reasonText = text
    reasonCode = code ?? (r.unmapped === 'error' || r.unmapped === 'classify' ? null : r.unmapped)
  }
  const feedback = feedbackText !== '' ? feedbackText : r.asFeedback ? reasonText : null
  return { reasonCode, reasonText, feedback }
}

// Spells from a churn-events file: signup → first churn, then each later churn closes a comeback
// that started the day after the previous churn (the file says they returned, not when). A final
// event marked as a reactivation leaves the customer active again from the day after it.
function eventReader(m: Mapping, related: RelatedRows) {
  const ev = 'events' in m.churn ? m.churn.events : undefined
  const src = related.events
  if (!ev || !src) throw new Error('churn events file not loaded')
  const t = src.table
  const refs = [{ field: 'churn.events.dateColumn', column: ev.dateColumn }]
  if (m.churnReason) refs.push({ field: 'churnReason.column', column: m.churnReason.column })
  if (m.churnReason?.feedbackColumn) refs.push({ field: 'churnReason.feedbackColumn', column: m.churnReason.feedbackColumn })
  if (ev.reactivationColumn) refs.push({ field: 'churn.events.reactivationColumn', column: ev.reactivationColumn })
  if (ev.refundColumn) refs.push({ field: 'churn.events.refundColumn', column: ev.refundColumn })
  const at = columnIndex(refs, t.columns, t.file)
  const r = m.churnReason
  const cameBackOn = (row: number) => !!ev.reactivationColumn && yesNoValue(t.rows[row][at(ev.reactivationColumn)] ?? '') === 'Yes'
  const refundOf = (row: number, bad: (column: string, msg: string) => void): number | null => {
    if (!ev.refundColumn) return null
    const a = parseAmount(t.rows[row][at(ev.refundColumn)] ?? '')
    if (!a.ok) { bad(ev.refundColumn, `${t.file} line ${t.lines[row]}: expected ${a.expected}`); return null }
    return a.value
  }
  return (id: string, signup: string, bad: (column: string, msg: string) => void, counters: ParseCounters): { spells: ImportedSpell[]; events: ImportedChurnEvent[] } => {
    const rows = src.byKey.get(id) ?? []
    const dated: Array<{ date: string; row: number }> = []
    for (const i of rows) {
      const text = t.rows[i][at(ev.dateColumn)] ?? ''
      if (text.trim() === '') continue
      const p = parseDateCell(text, ev.format)
      if (!p.ok) { bad(ev.dateColumn, `${t.file} line ${t.lines[i]}: expected ${p.expected}, got ${JSON.stringify(text)}`); continue }
      if (p.value > m.asOf) { bad(ev.dateColumn, `${t.file} line ${t.lines[i]}: the churn date ${p.value} is after asOf (${m.asOf})`); continue }
      dated.push({ date: p.value, row: i })
    }
    dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    const events = dated.map(({ date, row }) => ({ date, reactivation: cameBackOn(row), refund: refundOf(row, bad) }))
    const spells: ImportedSpell[] = []
    let start = signup
    let last = ''
    let lastRow = -1
    for (const { date, row } of dated) {
      lastRow = row // of two events on one day, the later row decides whether the customer came back
      if (date === last) continue // two events on one day are one churn
      last = date
      if (date < start) {
        counters.churnedBeforeSignup++
        start = date
      }
      if (date === m.asOf) counters.datedOnAsOf++
      const spell: ImportedSpell = { start, end: date, reasonCode: null, reasonText: null, feedback: null }
      if (r) {
        const values = t.rows[row]
        Object.assign(spell, readReason(r, values[at(r.column)] ?? '', r.feedbackColumn ? (values[at(r.feedbackColumn)] ?? '') : '', (msg) => bad(r.column, msg)))
      }
      spells.push(spell)
      // The comeback spell starts on the churn date: the engine counts a spell as active from the
      // day after its start (a start on the 1st is new that month), so the customer is back from
      // the day after the churn, and one who left on a month's last day is in the next month's
      // starting cohort.
      start = date
    }
    const cameBack = lastRow >= 0 && cameBackOn(lastRow)
    if (spells.length === 0 || cameBack) spells.push({ start, end: null, reasonCode: null, reasonText: null, feedback: null })
    return { spells, events }
  }
}

// Revenue ranges from a subscriptions file: each subscription's amount over [start, end or asOf).
function subscriptionReader(m: Mapping, related: RelatedRows) {
  const s = m.mrr && 'file' in m.mrr ? m.mrr : undefined
  const src = related.subscriptions
  if (!s || !src) throw new Error('subscriptions file not loaded')
  const t = src.table
  const refs = [{ field: 'mrr.amountColumn', column: s.amountColumn }, { field: 'mrr.startColumn', column: s.startColumn }]
  if (s.endColumn) refs.push({ field: 'mrr.endColumn', column: s.endColumn })
  const at = columnIndex(refs, t.columns, t.file)
  return (id: string, bad: (column: string, msg: string) => void): ImportedCustomer['revenue'] => {
    const out: ImportedCustomer['revenue'] = []
    for (const i of src.byKey.get(id) ?? []) {
      const v = t.rows[i]
      const where = `${t.file} line ${t.lines[i]}`
      const amount = parseAmount(v[at(s.amountColumn)] ?? '')
      const start = parseDateCell(v[at(s.startColumn)] ?? '', s.format)
      const endText = s.endColumn ? (v[at(s.endColumn)] ?? '').trim() : ''
      const end = endText === '' ? null : parseDateCell(endText, s.format)
      if (!amount.ok) { bad(s.amountColumn, `${where}: expected ${amount.expected}`); continue }
      if (!start.ok) { bad(s.startColumn, `${where}: expected ${start.expected}`); continue }
      if (end && !end.ok) { bad(s.endColumn as string, `${where}: expected ${end.expected}`); continue }
      if (!amount.value) continue
      out.push({ start: start.value, end: end ? (end as { value: string }).value : m.asOf, amount: amount.value })
    }
    return out
  }
}

function signupColumn(m: Mapping): string {
  return 'column' in m.signup ? m.signup.column : m.signup.tenureColumn
}
