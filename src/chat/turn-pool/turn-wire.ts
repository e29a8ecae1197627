import { AppError, type ErrorCode } from '../../errors.js'
import type { Config } from '../../config.js'
import type { AskResult } from '../ask.js'
import type { TurnInput } from '../turn.js'

/** A question as it crosses to a turn process: everything but the abort signal (which cannot travel). */
export type WireTurnInput = Omit<TurnInput, 'signal'>

/** An AppError as it crosses back: the fields users and HTTP see. */
export type WireError = { code: ErrorCode; message: string; details?: unknown; ref?: string; retryAfter?: number }

/** Messages the server sends a turn process. */
export type ToTurnProcess =
  | { init: { config: Config } }
  | { id: number; ask: WireTurnInput }
  | { id: number; abort: true }
  | { reload: true }
  | { close: true }

/** Messages a turn process sends back. */
export type FromTurnProcess = { ready: true } | { reloaded: true } | { id: number; result: AskResult } | { id: number; error: WireError }

export function toWireError(e: AppError): WireError {
  return { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }), ...(e.ref ? { ref: e.ref } : {}), ...(e.retryAfter === undefined ? {} : { retryAfter: e.retryAfter }) }
}

export function fromWireError(w: WireError): AppError {
  return new AppError(w.code, w.message, w.details, { ref: w.ref, retryAfter: w.retryAfter })
}
