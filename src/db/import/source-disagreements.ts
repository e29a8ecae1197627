import type { ImportWarning } from './import-warnings.js'
import type { Mapping } from './mapping-schema.js'
import { flagKey } from './parse-values.js'
import type { RelatedRows } from './parse-row.js'
import type { Table } from './read-table.js'

/**
 * When churn comes from an events file, how far the other churn signals disagree with it: a
 * churn flag in the main file, and subscription end dates (RavenStack's three signals differ).
 */
export function sourceDisagreements(m: Mapping, table: Table, related: RelatedRows): ImportWarning[] {
  if (!('events' in m.churn) || !related.events) return []
  const ev = m.churn.events
  const out: ImportWarning[] = []
  const withEvents = new Set(related.events.byKey.keys())
  if (ev.compareFlag) {
    const idAt = table.columns.indexOf(m.customerId)
    const flagAt = table.columns.indexOf(ev.compareFlag.column)
    const yes = new Set(ev.compareFlag.trueValues.map(flagKey))
    let flagged = 0
    let flaggedWithEvents = 0
    for (const r of table.rows) {
      if (!yes.has(flagKey(r[flagAt] ?? ''))) continue
      flagged++
      if (withEvents.has((r[idAt] ?? '').trim())) flaggedWithEvents++
    }
    const eventsNotFlagged = withEvents.size - flaggedWithEvents
    if (flagged !== flaggedWithEvents || eventsNotFlagged > 0) {
      out.push({ kind: 'churn_sources_disagree', flagColumn: ev.compareFlag.column, flagged, flaggedWithEvents, eventsNotFlagged, accountsWithEvents: withEvents.size })
    }
  }
  const subs = related.subscriptions
  if (subs && m.mrr && 'file' in m.mrr && m.mrr.endColumn) {
    const endAt = subs.table.columns.indexOf(m.mrr.endColumn)
    const ends = new Map<string, Set<string>>()
    let ended = 0
    for (const [key, rows] of subs.byKey) {
      const set = new Set<string>()
      for (const i of rows) {
        const e = (subs.table.rows[i][endAt] ?? '').trim()
        if (e !== '') { ended++; set.add(e.slice(0, 10)) }
      }
      ends.set(key, set)
    }
    const dateAt = related.events.table.columns.indexOf(ev.dateColumn)
    let events = 0
    let matching = 0
    for (const [key, rows] of related.events.byKey) {
      for (const i of rows) {
        events++
        if (ends.get(key)?.has((related.events.table.rows[i][dateAt] ?? '').trim().slice(0, 10))) matching++
      }
    }
    if (matching < events) out.push({ kind: 'subscriptions_disagree', ended, endDatesMatchingEvents: matching, events })
  }
  return out
}
