import { AppError } from '../errors.js'

/** Parses `dim=value[,value]` filters (CLI `--where`, HTTP `?where=`) into a where record. */
export function parseWhere(items: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const item of items) {
    for (const part of item.split(';').filter(Boolean)) {
      const eq = part.indexOf('=')
      if (eq <= 0 || eq === part.length - 1) throw new AppError('bad_request', `Filter "${part}" must look like dimension=value (e.g. plan=Starter or region=APAC,Europe)`)
      const dim = part.slice(0, eq).trim()
      out[dim] = [...(out[dim] ?? []), ...part.slice(eq + 1).split(',').map((v) => v.trim()).filter(Boolean)]
    }
  }
  return out
}
