import type { QueryDeps } from '../query/run-metric.js'
import { isAppError } from '../errors.js'
import type { Coverage } from '../catalog/coverage.js'

/** What tools need: the database, the data catalog, the churn definition and margin. */
export type ToolDeps = QueryDeps

/** A recoverable miss (unknown segment, empty period…) returned to the model as data, not thrown. */
export type ToolFailure = { error: { code: string; message: string; valid?: string[]; coverage?: Coverage; asked?: { from: string; to: string } } }

/** Runs a tool body; AppErrors become ToolFailure data so the model can recover and retry. */
export async function asToolResult<T>(body: () => Promise<T>): Promise<T | ToolFailure> {
  try {
    return await body()
  } catch (e) {
    if (isAppError(e)) {
      // Typed details travel with the error so the answer can word it in the user's language.
      const d = (e.details ?? {}) as { valid?: string[]; coverage?: Coverage; asked?: { from: string; to: string } }
      return { error: { code: e.code, message: e.message, ...(d.valid ? { valid: d.valid.slice(0, 50) } : {}), ...(d.coverage ? { coverage: d.coverage } : {}), ...(d.asked ? { asked: d.asked } : {}) } }
    }
    throw e
  }
}

/** True when a tool output is a ToolFailure. */
export function isToolFailure(v: unknown): v is ToolFailure {
  return typeof v === 'object' && v !== null && 'error' in v && typeof (v as ToolFailure).error?.message === 'string'
}
