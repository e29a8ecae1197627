/** What replaces a secret in the server log. */
export const REDACTED = '[redacted]'

// Shapes of credentials that may appear in provider errors, URLs and headers.
const patterns: RegExp[] = [
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi, // Authorization headers
  /\b(?:sk|pk|rk)-(?:proj-|live-|test-)?[A-Za-z0-9_-]{8,}/g, // OpenAI-style keys
  /\bxox[abposr]-[A-Za-z0-9-]{8,}/g, // Slack tokens
  /\bcit_[A-Za-z0-9_-]{16,}/g, // our own API tokens
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, // JWTs
  /\b((?:api[_-]?key|apikey|token|secret|password|signature|sig)["']?\s*[:=]\s*["']?)[^\s"'&,;]{4,}/gi, // key=value
]

/**
 * Removes secrets from text bound for the server log: every configured secret value verbatim,
 * then anything shaped like an API key, bearer token, Slack token or JWT.
 */
export function redactSecrets(text: string, known: readonly (string | undefined)[] = []): string {
  let out = text
  for (const secret of known) if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED)
  for (const p of patterns) out = out.replace(p, (m, keep?: string) => (typeof keep === 'string' && m.startsWith(keep) ? `${keep}${REDACTED}` : REDACTED))
  return out
}
