import type { ServerLog } from '../audit/server-log.js'
import type { AuditTool } from '../audit/audit-log.js'
import type { Scope } from '../auth/principal.js'
import type { DataCatalog } from '../catalog/data-catalog.js'
import { isAppError } from '../errors.js'
import { maskDeep, type PiiMode } from '../privacy/mask-pii.js'
import { scopeDescription, scopeToolInput } from './apply-scope.js'
import { toolFailed, type Lang } from './turn-messages.js'

/** What a turn's tools are guarded with. */
export type ToolGuard = { catalog: DataCatalog; scope?: Scope; pii: PiiMode; log?: ServerLog; ref: string; lang: Lang; trace: AuditTool[] }

type AnyTool = { execute?: (input: any, options: any) => unknown }

/**
 * Wraps every tool of a turn: the principal's scope narrows its input; a failure that is not an
 * AppError (SQLite, a bug) goes to the server log and reaches the model only as "failed (reference)";
 * personal data in the output is masked before the model, the user or the store see it; and each
 * call is traced for the audit.
 */
export function guardTools<T extends Record<string, object>>(tools: T, g: ToolGuard): T {
  const out: Record<string, object> = {}
  for (const [name, t] of Object.entries(tools) as Array<[string, AnyTool]>) {
    const execute = t.execute
    if (!execute) {
      out[name] = t
      continue
    }
    out[name] = {
      ...t,
      execute: async (input: Record<string, unknown>, options: unknown) => {
        const started = performance.now()
        const result = await run(name, input, options, execute, g)
        const o = (result ?? {}) as { sql?: unknown; rowCount?: unknown; error?: { code?: string } }
        g.trace.push({
          name,
          sql: Array.isArray(o.sql) ? (o.sql as string[]) : typeof o.sql === 'string' ? [o.sql] : [],
          rowCount: typeof o.rowCount === 'number' ? o.rowCount : 0,
          ms: Math.round(performance.now() - started),
          ...(o.error?.code ? { error: o.error.code } : {}),
        })
        return result
      },
    }
  }
  return out as T
}

async function run(name: string, input: Record<string, unknown>, options: unknown, execute: NonNullable<AnyTool['execute']>, g: ToolGuard): Promise<unknown> {
  let scoped = input
  if (g.scope) {
    const s = scopeToolInput(name, input, g.catalog, g.scope)
    if ('error' in s && s.error && typeof s.error === 'object') return s
    scoped = s
  }
  let result: unknown
  try {
    result = await execute(scoped, options)
  } catch (e) {
    if (isAppError(e)) return { error: { code: e.code, message: e.message } }
    g.log?.error(g.ref, `tool ${name} failed`, e)
    return toolFailed(g.lang, g.ref)
  }
  if (g.scope && name === 'describe_data') result = scopeDescription(result, g.scope)
  return g.pii === 'mask' ? maskDeep(result) : result
}
