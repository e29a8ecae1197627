/** Error kinds the app raises on purpose; each maps to an HTTP status. */
export type ErrorCode =
  | 'bad_request'
  | 'unknown_metric'
  | 'unknown_dimension'
  | 'unknown_value'
  | 'bad_period'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'payload_too_large'
  | 'import_failed'
  | 'model_failed'
  | 'query_timeout'
  | 'unavailable'
  | 'rate_limited'
  | 'answer_failed'
  | 'internal'

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  unknown_metric: 400,
  unknown_dimension: 400,
  unknown_value: 400,
  bad_period: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  import_failed: 400,
  model_failed: 502,
  query_timeout: 503,
  unavailable: 503,
  rate_limited: 429,
  answer_failed: 500,
  internal: 500,
}

/** A typed application error carrying a code, an HTTP status and optional details. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly details?: unknown
  /** Reference id of the server-log entry holding the details (errors whose cause stays on the server). */
  readonly ref?: string
  /** Seconds until a rate-limited principal may ask again (sent as Retry-After). */
  readonly retryAfter?: number
  constructor(code: ErrorCode, message: string, details?: unknown, extra: { ref?: string; retryAfter?: number } = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.status = statusByCode[code]
    this.details = details
    if (extra.ref) this.ref = extra.ref
    if (extra.retryAfter !== undefined) this.retryAfter = extra.retryAfter
  }
  /** The JSON body HTTP clients receive. */
  toJSON(): { error: { code: ErrorCode; message: string; details?: unknown; ref?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }), ...(this.ref ? { ref: this.ref } : {}) } }
  }
}

/** True when the value is an AppError (works across module copies). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError')
}
