import { existsSync } from 'node:fs'
import { buildAppDeps } from '../../../src/app-deps.js'
import { loadConfig } from '../../../src/config.js'
import { importCsv } from '../../../src/db/import/import-csv.js'
import { proposeMapping } from '../../../src/db/import/propose-mapping.js'
import { openDatabase } from '../../../src/db/open-database.js'
import type { EvalData } from '../eval-data.js'
import { SHARED_EXTERNAL, type ExternalSetName } from './external-set.js'

/**
 * The files of each set in ../shared/data/external. Every set is imported the way a new user
 * would: with the mapping the importer proposes from the file itself, no edits.
 */
const sources: Record<ExternalSetName, string[]> = {
  'telco-cognos': ['ibm-telco-churn-cognos/Telco_customer_churn.csv'],
  'telco-11': ['ibm-telco-churn-11.1.3'],
  'telco-kaggle21': ['ibm-telco-churn-kaggle21/Telco-Customer-Churn.csv'],
  bankchurners: ['bankchurners-credit-card/BankChurners.csv'],
  'telco-spss-cn': ['telco-spss-cn/Telephone.csv'],
  ravenstack: ['ravenstack-saas-churn'],
}

// Undated snapshot files take their as-of date from this fixed day, so results never drift with the clock.
const TODAY = '2026-12-01'

/** The set's data imported into an in-memory database with the inferred mapping and the offline analyst, or why it is skipped. */
export async function externalData(name: ExternalSetName): Promise<EvalData | { skipped: string }> {
  const paths = sources[name].map((p) => `${SHARED_EXTERNAL}${p}`)
  const missing = paths.find((p) => !existsSync(p))
  if (missing) return { skipped: `${missing} is not here (only on CI and dev machines)` }
  const db = await openDatabase(':memory:')
  try {
    const proposal = await proposeMapping(paths, { write: false, today: TODAY })
    await importCsv(db, proposal.file, proposal.mapping)
  } catch (e) {
    return { skipped: `import failed: ${e instanceof Error ? e.message : String(e)}` }
  }
  return { db, deps: await buildAppDeps(loadConfig({ LOG_LEVEL: 'silent' }), db) }
}
