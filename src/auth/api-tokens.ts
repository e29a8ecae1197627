import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/open-database.js'
import { AppError } from '../errors.js'
import { scopeSchema, type Principal, type Scope } from './principal.js'

/** Every API token starts with this, so logs can redact it and requireToken can tell it from a JWT. */
export const API_TOKEN_PREFIX = 'cit_'

const namePattern = /^[A-Za-z0-9_.-]{1,60}$/

/** A token as listed: never the secret, never the hash. */
export type ApiTokenInfo = { name: string; scope: Scope | null; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Creates a named token and returns its secret (shown once; only the sha-256 is stored). */
export async function createApiToken(db: Db, name: string, scope?: Scope): Promise<string> {
  if (!namePattern.test(name)) throw new AppError('bad_request', 'Token names are 1–60 letters, digits or _.-')
  if (scope) scopeSchema.parse(scope)
  const exists = await db.selectFrom('api_tokens').select('name').where('name', '=', name).executeTakeFirst()
  if (exists) throw new AppError('bad_request', `A token named "${name}" exists already (revoke it, or choose another name)`)
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  await db.insertInto('api_tokens').values({ name, hash: sha256(token), scope: scope ? JSON.stringify(scope) : null, created_at: new Date().toISOString(), last_used_at: null, revoked_at: null }).execute()
  return token
}

/** All tokens, newest first, revoked ones included (marked). */
export async function listApiTokens(db: Db): Promise<ApiTokenInfo[]> {
  const rows = await db.selectFrom('api_tokens').select(['name', 'scope', 'created_at', 'last_used_at', 'revoked_at']).orderBy('created_at', 'desc').execute()
  return rows.map((r) => ({ name: r.name, scope: r.scope ? (JSON.parse(r.scope) as Scope) : null, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }))
}

/** Revokes a token by name; false when there is no such active token. */
export async function revokeApiToken(db: Db, name: string): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('name', '=', name).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/** The principal of an API token, or null when it is unknown or revoked. */
export async function verifyApiToken(db: Db, token: string): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null
  const row = await db.selectFrom('api_tokens').select(['name', 'scope']).where('hash', '=', sha256(token)).where('revoked_at', 'is', null).executeTakeFirst()
  if (!row) return null
  await db.updateTable('api_tokens').set({ last_used_at: new Date().toISOString() }).where('name', '=', row.name).execute()
  return { id: `token:${row.name}`, kind: 'token', ...(row.scope ? { scope: JSON.parse(row.scope) as Scope } : {}) }
}
