import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { AppError } from '../../errors.js'
import { type Mapping, mappingSchema } from './mapping-schema.js'

/** Reads and validates a mapping JSON file; errors name the file and the path of each bad field. */
export async function loadMapping(path: string): Promise<Mapping> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new AppError('import_failed', `Mapping file not found: ${path}`)
  })
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new AppError('import_failed', `${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
  return parseMapping(json, path)
}

/** Validates an already-parsed mapping object (e.g. from an HTTP upload); `label` names it in errors. */
export function parseMapping(json: unknown, label = 'mapping'): Mapping {
  const parsed = mappingSchema.safeParse(json)
  if (parsed.success) return parsed.data
  const lines = parsed.error.issues.flatMap((i) => describe(i, []))
  throw new AppError('import_failed', `${label} is not a valid mapping:\n  ${[...new Set(lines)].join('\n  ')}\nSee data/mappings/README.md for the format.`)
}

// A union's error lists every branch's failures; report the branch that came closest, which
// is nearly always the one the author meant (e.g. {column} missing its "format").
function describe(issue: z.core.$ZodIssue, prefix: PropertyKey[]): string[] {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const best = issue.errors.reduce((a, b) => (b.length < a.length ? b : a))
    if (best.length > 0) return best.flatMap((i) => describe(i, path))
  }
  return [`${formatPath(path)}: ${issue.message}`]
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(top level)'
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('')
}
