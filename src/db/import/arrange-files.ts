import { basename, dirname, relative } from 'node:path'
import { AppError } from '../../errors.js'
import { lookupColumn } from './column-dictionary.js'
import { joinTables } from './join-tables.js'
import type { Table } from './read-table.js'

/** How several files of one data set fit together around the customer file. */
export type Arrangement = {
  /** The customer file, with every one-to-one file joined in. */
  main: Table
  join: Array<{ file: string; on: string }>
  /** One row per churn event (a customer may have several). */
  events?: { table: Table; on: string }
  /** One row per subscription with start/end dates and an amount. */
  subscriptions?: { table: Table; on: string }
  /**
   * Other files with several rows per customer (support tickets, usage), keyed on the customer
   * column or reaching the customer through a file in between (a usage row names a subscription,
   * the subscription its customer).
   */
  others: Array<{ table: Table; on: string; via?: { table: Table; key: string; on: string } }>
  /** Files left out, with why. */
  unused: Array<{ file: string; why: string }>
}

const uniqueIn = (t: Table, column: string): boolean => {
  const at = t.columns.indexOf(column)
  if (at < 0) return false
  const seen = new Set<string>()
  for (const r of t.rows) {
    const v = (r[at] ?? '').trim()
    if (v === '' || seen.has(v)) return false
    seen.add(v)
  }
  return seen.size > 0
}

/**
 * Finds the customer file and how the others attach to it: files with the same key once per
 * customer are joined; files with several rows per customer become churn events (a churn date)
 * or subscriptions (start date and an amount); the rest are listed as unused.
 */
export function arrangeFiles(tables: Table[]): Arrangement {
  if (tables.length === 1) return { main: tables[0], join: [], others: [], unused: [] }
  // The key: a column in the most files, unique in at least one of them.
  const candidates = new Map<string, Table[]>()
  for (const t of tables) for (const c of t.columns) candidates.set(c, [...(candidates.get(c) ?? []), t])
  const keys = [...candidates].filter(([c, ts]) => ts.length >= 2 && ts.some((t) => uniqueIn(t, c)))
  keys.sort(([a, x], [b, y]) => y.length - x.length || Number(lookupColumn(b)?.role === 'id') - Number(lookupColumn(a)?.role === 'id'))
  if (keys.length === 0) throw new AppError('import_failed', `These files share no key column: ${tables.map((t) => basename(t.file)).join(', ')}. Import the customer file alone, or write a mapping with "join".`)
  const key = keys[0][0]
  const withKey = keys[0][1]
  const main = withKey.find((t) => uniqueIn(t, key)) as Table
  const dir = dirname(main.file)
  const rel = (t: Table) => relative(dir, t.file) || basename(t.file)
  let merged = main
  const join: Arrangement['join'] = []
  const unused: Arrangement['unused'] = []
  let events: Arrangement['events']
  let subscriptions: Arrangement['subscriptions']
  const rest = tables.filter((t) => t !== main)
  // One-to-one files on the main key first, then files that join on a column those brought in.
  const pending = [...rest]
  for (let pass = 0; pass < 2; pass++) {
    for (const t of [...pending]) {
      const on = t.columns.includes(key) && uniqueIn(t, key) ? key : pass === 1 ? t.columns.find((c) => merged.columns.includes(c) && uniqueIn(t, c)) : undefined
      if (!on) continue
      merged = joinTables(merged, t, { column: on, fileColumn: on }).table
      join.push({ file: rel(t), on })
      pending.splice(pending.indexOf(t), 1)
    }
  }
  const others: Arrangement['others'] = []
  const unkeyed: Table[] = []
  for (const t of pending) {
    const keyed = t.columns.includes(key)
    const churnDate = t.columns.find((c) => lookupColumn(c)?.role === 'churn_date')
    const start = t.columns.find((c) => lookupColumn(c)?.role === 'signup_date')
    const amount = t.columns.find((c) => lookupColumn(c)?.role === 'mrr')
    if (keyed && churnDate && !events) events = { table: t, on: key }
    else if (keyed && start && amount && !subscriptions) subscriptions = { table: t, on: key }
    else if (keyed) others.push({ table: t, on: key })
    else unkeyed.push(t)
  }
  // A file without the customer key may name rows of a keyed file (a subscription id, unique there).
  const keyedFiles = [subscriptions?.table, events?.table, ...others.map((o) => o.table)].filter((t): t is Table => t !== undefined)
  for (const t of unkeyed) {
    let via: NonNullable<Arrangement['others'][number]['via']> | undefined
    for (const k of keyedFiles) {
      const shared = t.columns.find((c) => c !== key && k.columns.includes(c) && uniqueIn(k, c))
      if (shared) { via = { table: k, key: shared, on: key }; break }
    }
    if (via) others.push({ table: t, on: via.key, via })
    else unused.push({ file: rel(t), why: `no "${key}" column, and no column naming rows of a file that has one` })
  }
  return { main: merged, join, events, subscriptions, others, unused }
}
