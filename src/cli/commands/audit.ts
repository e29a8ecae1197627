import { pruneAudit, readAudit } from '../../audit/audit-log.js'
import { loadConfig } from '../../config.js'
import { openDatabase } from '../../db/open-database.js'
import { parseArgs, type Command } from '../command.js'
import { formatTable } from '../format-table.js'

const units: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 }

/** `--since 1d` / `12h` / `30m` / `2w` / `2026-11-01` → the instant it means, or null. */
export function parseSince(v: string, now = Date.now()): Date | null {
  const rel = /^(\d{1,5})([mhdw])$/.exec(v)
  if (rel) return new Date(now - Number(rel[1]) * units[rel[2]])
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(v) && !Number.isNaN(Date.parse(v))) return new Date(v)
  return null
}

/** `churn-insight audit --since 1d [--user X]`: who asked what, which tools and SQL ran, the outcome. */
export const auditCommand: Command = {
  name: 'audit',
  help: `Usage: churn-insight audit [--since 1d] [--user NAME] [--json] [--limit 1000]

Every question leaves one audit row: the principal (widget:<sub>, token:<name>, slack:<team>:<user>,
local), the surface, the tools with their SQL, row counts and timings, the model and the outcome
(answered, fallback, failed, aborted, rate_limited, not_found). Rows older than AUDIT_DAYS
(default 90) are pruned.

Options:
  --since   how far back: 30m, 12h, 1d, 2w or a date (default 1d)
  --user    one principal: its full id (widget:alice@example.com) or the part after the kind (alice@example.com)
  --json    the rows as JSON, SQL included`,
  async run(args) {
    const { flags } = parseArgs(args, ['json'])
    const since = parseSince(typeof flags.since === 'string' ? flags.since : '1d')
    if (!since) {
      console.error(`--since must look like 30m, 12h, 1d, 2w or 2026-11-01, got ${String(flags.since)}`)
      return 2
    }
    const limit = typeof flags.limit === 'string' ? Number(flags.limit) : 1000
    if (!Number.isInteger(limit) || limit < 1) {
      console.error('--limit must be a positive whole number')
      return 2
    }
    const config = loadConfig()
    const db = await openDatabase(config.databaseUrl)
    try {
      await pruneAudit(db, config.auditDays)
      const rows = await readAudit(db, { since, user: typeof flags.user === 'string' ? flags.user : undefined, limit })
      if (flags.json) {
        console.log(JSON.stringify(rows, null, 2))
        return 0
      }
      if (!rows.length) {
        console.log(`No questions since ${since.toISOString()}.`)
        return 0
      }
      console.log(formatTable(
        ['at', 'ref', 'principal', 'surface', 'outcome', 'model', 'ms', 'tools (rows)', 'question'],
        rows.map((r) => [r.at.slice(0, 19).replace('T', ' '), r.ref, r.principal, r.surface, r.outcome, r.model, String(r.ms), r.tools.map((t) => `${t.name}(${t.rowCount})${t.error ? `!${t.error}` : ''}`).join(' ') || '—', r.question.length > 60 ? `${r.question.slice(0, 59)}…` : r.question]),
      ))
      return 0
    } finally {
      await db.destroy()
    }
  },
}
