import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens.js'
import { scopeLabel, scopeSchema, type Scope } from '../../auth/principal.js'
import { loadConfig } from '../../config.js'
import { openDatabase } from '../../db/open-database.js'
import { parseArgs, type Command } from '../command.js'
import { formatTable } from '../format-table.js'

/** `churn-insight tokens create|list|revoke`: named API tokens for services and scripts. */
export const tokensCommand: Command = {
  name: 'tokens',
  help: `Usage: churn-insight tokens create <name> [--scope '{"region":["APAC"]}']
       churn-insight tokens list [--json]
       churn-insight tokens revoke <name>

API tokens work like widget tokens on /api/* ("Authorization: Bearer cit_…") but do not expire
until revoked. The token is printed once; only its sha-256 hash is stored in DATABASE_URL.
Conversations belong to the token's name (token:<name>); --scope limits every answer to
those dimension values, e.g. --scope '{"region":["APAC"]}'.`,
  async run(args) {
    const { flags, positionals } = parseArgs(args, ['json'])
    const [action, name] = positionals
    if (!['create', 'list', 'revoke'].includes(action ?? '')) {
      console.error('Give an action: tokens create <name> | tokens list | tokens revoke <name>')
      return 2
    }
    if (action !== 'list' && !name) {
      console.error(`Give the token's name: churn-insight tokens ${action} <name>`)
      return 2
    }
    let scope: Scope | undefined
    if (typeof flags.scope === 'string') {
      try {
        scope = scopeSchema.parse(JSON.parse(flags.scope))
      } catch {
        console.error('--scope must be JSON like {"region": ["APAC"]} (dimension id → list of values)')
        return 2
      }
    }
    const db = await openDatabase(loadConfig().databaseUrl)
    try {
      if (action === 'create') {
        const token = await createApiToken(db, name, scope)
        console.error(`Created API token "${name}"${scope ? ` (scope ${scopeLabel(scope)})` : ''}. It is shown once; store it as a secret:`)
        console.log(token)
        return 0
      }
      if (action === 'revoke') {
        if (await revokeApiToken(db, name)) {
          console.log(`Revoked "${name}".`)
          return 0
        }
        console.error(`No active token named "${name}".`)
        return 1
      }
      const tokens = await listApiTokens(db)
      if (flags.json) console.log(JSON.stringify(tokens, null, 2))
      else if (!tokens.length) console.log('No API tokens yet: churn-insight tokens create <name>')
      else console.log(formatTable(['name', 'scope', 'created', 'last used', 'revoked'], tokens.map((t) => [t.name, t.scope ? scopeLabel(t.scope) : 'all data', t.createdAt, t.lastUsedAt ?? '—', t.revokedAt ?? '—'])))
      return 0
    } finally {
      await db.destroy()
    }
  },
}
