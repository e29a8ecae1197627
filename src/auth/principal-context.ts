import type { Context } from 'hono'
import { localPrincipal, type Principal } from './principal.js'

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal
  }
}

/** The principal requireToken attached to this request; the local caller when auth is off. */
export function principalOf(c: Context): Principal {
  return c.get('principal') ?? localPrincipal
}
