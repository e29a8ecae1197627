import type { Migration, MigrationProvider } from 'kysely/migration'
import { initialSchema } from './001-initial.js'
import { answersTable } from './002-answers.js'
import { compareIndexes } from './006-compare-indexes.js'
import { feedbackFts } from './006-feedback-fts.js'
import { postgresFunctions } from './006-postgres-functions.js'

/** Migrations kept in code (not read from disk) so they run the same under tsx, bundlers and Workers. */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '001-initial': initialSchema, '002-answers': answersTable, '006-compare-indexes': compareIndexes, '006-feedback-fts': feedbackFts, '006-postgres-functions': postgresFunctions }
  },
}
