import type { Migration, MigrationProvider } from 'kysely/migration'
import { initialSchema } from './001-initial.js'
import { answersTable } from './002-answers.js'
import { measuresTables } from './003-measures.js'
import { auditTokensTables } from './004-audit-tokens.js'
import { riskTables } from './005-risk-models.js'

/** Migrations kept in code (not read from disk) so they run the same under tsx, bundlers and Workers. */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '001-initial': initialSchema, '002-answers': answersTable, '003-measures': measuresTables, '004-audit-tokens': auditTokensTables, '005-risk-models': riskTables }
  },
}
