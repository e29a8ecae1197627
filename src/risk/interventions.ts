import { z } from 'zod'
import type { Db } from '../db/open-database.js'
import { readTable } from '../db/import/read-table.js'
import { riskDb } from '../db/risk-schema.js'
import { AppError } from '../errors.js'
import { isIsoDate } from '../time/dates.js'

// isIsoDate throws on impossible dates such as 2026-13-01 (Date cannot print them).
function realDate(d: string): boolean {
  try {
    return isIsoDate(d)
  } catch {
    return false
  }
}

/** One save action: who was contacted, when, what was done, by which team. */
export const interventionSchema = z.object({
  customer_id: z.string().min(1).max(200),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD').refine(realDate, 'date must be a real calendar date'),
  action: z.string().min(1).max(200),
  team: z.string().max(200).nullish(),
  note: z.string().max(2000).nullish(),
})
export type Intervention = z.infer<typeof interventionSchema>

/**
 * Stores interventions all-or-nothing: every customer must exist; the first bad row fails the
 * whole batch with its position. Returns how many were stored.
 */
export async function addInterventions(db: Db, rows: Intervention[], now: () => Date = () => new Date(), lines?: number[]): Promise<number> {
  const ids = [...new Set(rows.map((r) => r.customer_id))]
  const known = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db.selectFrom('customers').select('id').where('id', 'in', ids.slice(i, i + 500)).execute()) known.add(r.id)
  }
  rows.forEach((r, i) => {
    if (!known.has(r.customer_id)) throw new AppError('bad_request', `${lines ? `line ${lines[i]}` : `item ${i + 1}`}: unknown customer "${r.customer_id}"`)
  })
  const created = now().toISOString()
  await db.transaction().execute(async (trx) => {
    const rdb = riskDb(trx as unknown as Db)
    for (let i = 0; i < rows.length; i += 200) {
      await rdb.insertInto('interventions').values(rows.slice(i, i + 200).map((r) => ({ customer_id: r.customer_id, date: r.date, action: r.action.trim(), team: r.team ?? null, note: r.note ?? null, created_at: created }))).execute()
    }
  })
  return rows.length
}

// Header names accepted for each field (case-insensitive), so common exports load without a mapping.
const headers: Record<keyof Intervention, string[]> = {
  customer_id: ['customer_id', 'customer', 'customerid', 'customer id', 'account', 'account_id'],
  date: ['date', 'contacted', 'contact_date', 'intervention_date'],
  action: ['action', 'intervention', 'type'],
  team: ['team', 'owner', 'by'],
  note: ['note', 'notes', 'comment'],
}

/** Reads interventions from a CSV or .xlsx file (columns customer_id, date, action, team, note) and stores them. */
export async function importInterventionsCsv(db: Db, file: string, now?: () => Date): Promise<number> {
  const table = await readTable(file)
  const lower = table.columns.map((c) => c.trim().toLowerCase())
  const col = (k: keyof Intervention) => lower.findIndex((c) => headers[k].includes(c))
  for (const k of ['customer_id', 'date', 'action'] as const) {
    if (col(k) < 0) throw new AppError('import_failed', `${file}: no "${k}" column (found: ${table.columns.join(', ')})`)
  }
  const rows: Intervention[] = []
  table.rows.forEach((values, i) => {
    const get = (k: keyof Intervention) => (col(k) >= 0 ? values[col(k)]?.trim() || null : null)
    const parsed = interventionSchema.safeParse({ customer_id: get('customer_id'), date: get('date'), action: get('action'), team: get('team'), note: get('note') })
    if (!parsed.success) throw new AppError('import_failed', `${file}: line ${table.lines[i]}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`)
    rows.push(parsed.data)
  })
  return addInterventions(db, rows, now, table.lines)
}
