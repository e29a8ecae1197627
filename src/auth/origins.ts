/** Parses one allow-list entry into a canonical origin (`scheme://host[:port]`), or throws saying why not. */
export function parseOrigin(entry: string): string {
  let u: URL
  try {
    u = new URL(entry)
  } catch {
    throw new Error(`"${entry}" is not an origin like https://portal.example.com`)
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`"${entry}" must start with https:// (or http:// for local testing)`)
  // A path, query or credentials would be silently dropped by browsers' Origin header: refuse them so the list means what it says.
  if (u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) throw new Error(`"${entry}" must be an origin only (no path, query or credentials)`)
  if (u.hostname.includes('*')) throw new Error(`"${entry}": wildcards are not allowed; list each origin`)
  return u.origin
}

/** Parses a comma-separated allow-list (WIDGET_ORIGINS); throws listing every bad entry. */
export function parseOriginList(list: string): string[] {
  const entries = list.split(',').map((s) => s.trim()).filter(Boolean)
  const bad: string[] = []
  const good = entries.flatMap((e) => {
    try {
      return [parseOrigin(e)]
    } catch (err) {
      bad.push((err as Error).message)
      return []
    }
  })
  if (bad.length) throw new Error(bad.join('; '))
  return [...new Set(good)]
}

/** True when `origin` (as a browser sends it) is exactly one of the allowed origins. */
export function isAllowedOrigin(origin: string | undefined | null, allowed: readonly string[]): boolean {
  if (!origin || origin === 'null') return false
  // Compare canonical forms so "https://Portal.example.com:443" and "https://portal.example.com" match, and nothing else does.
  let canonical: string
  try {
    canonical = parseOrigin(origin)
  } catch {
    return false
  }
  return allowed.includes(canonical)
}

/** The CSP frame-ancestors source list for the iframe page: the allow-list, or 'none' when it is empty. */
export function frameAncestors(allowed: readonly string[]): string {
  return allowed.length ? `frame-ancestors ${allowed.join(' ')}` : "frame-ancestors 'none'"
}
