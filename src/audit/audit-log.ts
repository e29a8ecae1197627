import type { Db } from '../db/open-database.js'
import type { AuditLogTable } from '../db/schema.js'

/** One tool call as audited: name, SQL, rows, time, and the error code when it failed. */
export type AuditTool = { name: string; sql: string[]; rowCount: number; ms: number; error?: string }

/** What the audit keeps about one question. */
export type AuditEntry = {
  ref: string
  principal: string
  surface: string
  conversationId: string | null
  question: string
  scope: Record<string, string[]> | null
  tools: AuditTool[]
  model: string
  outcome: AuditLogTable['outcome']
  ms: number
  at?: string
}

/** An audit row as read back. */
export type AuditRow = Required<Omit<AuditEntry, 'at'>> & { at: string }

/** Appends one audit row. */
export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at ?? new Date().toISOString(),
      ref: e.ref,
      principal: e.principal,
      surface: e.surface,
      conversation_id: e.conversationId,
      question: e.question,
      scope: e.scope ? JSON.stringify(e.scope) : null,
      tools: JSON.stringify(e.tools),
      model: e.model,
      outcome: e.outcome,
      ms: Math.round(e.ms),
    })
    .execute()
}

/** Audit rows since an instant, optionally for one principal (exact id, or its name after the `kind:`), oldest first. */
export async function readAudit(db: Db, opts: { since: Date; user?: string; limit?: number }): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().where('at', '>=', opts.since.toISOString())
  if (opts.user) {
    const user = opts.user
    q = q.where((eb) => eb.or([eb('principal', '=', user), eb('principal', 'like', `%:${user.replace(/[%_\\]/g, (c) => `\\${c}`)}`)]))
  }
  const rows = await q.orderBy('id').limit(opts.limit ?? 1000).execute()
  return rows.map((r) => ({
    at: r.at,
    ref: r.ref,
    principal: r.principal,
    surface: r.surface,
    conversationId: r.conversation_id,
    question: r.question,
    scope: r.scope ? (JSON.parse(r.scope) as Record<string, string[]>) : null,
    tools: JSON.parse(r.tools) as AuditTool[],
    model: r.model,
    outcome: r.outcome,
    ms: r.ms,
  }))
}

/** Deletes audit rows older than `days`; returns how many went. */
export async function pruneAudit(db: Db, days: number, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - days * 86_400_000).toISOString()
  const r = await db.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst()
  return Number(r.numDeletedRows)
}
