import type { Migration, MigrationProvider } from 'kysely/migration'
import { initialSchema } from './001-initial.js'
import { answersTable } from './002-answers.js'
import { measuresTables } from './003-measures.js'
import { auditTokensTables } from './004-audit-tokens.js'
import { riskTables } from './005-risk-models.js'
import { feedbackFts } from './006-perf-1-feedback-fts.js'
import { queryIndexes } from './006-perf-2-query-indexes.js'
import { postgresFunctions } from './006-perf-3-postgres-functions.js'
import { rollupTables } from './007-rollups-1-tables.js'
import { clusteredTables } from './008-import-1-clustered-tables.js'
import { churnEventsTable } from './009-churn-events.js'
import { detailRowsTables } from './010-detail-rows.js'
import { dimensionOutcome } from './011-dimension-outcome.js'

/** Migrations kept in code (not read from disk) so they run the same under tsx, bundlers and Workers. */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '001-initial': initialSchema, '002-answers': answersTable, '003-measures': measuresTables, '004-audit-tokens': auditTokensTables,
      '005-risk-models': riskTables,
      // Kysely runs migrations in name order and refuses a new name sorting before an applied one.
      '006-perf-1-feedback-fts': feedbackFts, '006-perf-2-query-indexes': queryIndexes, '006-perf-3-postgres-functions': postgresFunctions,
      '007-rollups-1-tables': rollupTables,
      '008-import-1-clustered-tables': clusteredTables,
      '009-churn-events': churnEventsTable,
      '010-detail-rows': detailRowsTables,
      '011-dimension-outcome': dimensionOutcome,
    }
  },
}
