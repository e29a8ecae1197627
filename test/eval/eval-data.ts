import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildAppDeps, type AppDeps } from '../../src/app-deps.js'
import { loadConfig } from '../../src/config.js'
import { importCsv, loadMapping } from '../../src/db/import/import-csv.js'
import { openDatabase, type Db } from '../../src/db/open-database.js'
import { generateSampleCompany } from '../../src/db/sample/generate-sample-company.js'

/** One data set the eval runs on: its database and the app's deps (offline analyst, the default). */
export type EvalData = { db: Db; deps: AppDeps }

/** The Telco CSV, relative to the repository root. */
export const TELCO_CSV = fileURLToPath(new URL('../../../shared/data/external/ibm-telco-churn-cognos/Telco_customer_churn.csv', import.meta.url))
const TELCO_MAPPING = fileURLToPath(new URL('../../data/mappings/ibm-telco.json', import.meta.url))

async function depsFor(db: Db): Promise<EvalData> {
  return { db, deps: await buildAppDeps(loadConfig({ LOG_LEVEL: 'silent' }), db) }
}

/** The sample company (5,000 customers, seed 42) in memory. */
export async function sampleData(): Promise<EvalData> {
  const db = await openDatabase(':memory:')
  await generateSampleCompany(db)
  return depsFor(db)
}

/** The Telco import in memory, or why it is skipped (file absent, or the import failed). */
export async function telcoData(): Promise<EvalData | { skipped: string }> {
  if (!existsSync(TELCO_CSV)) return { skipped: `Telco CSV not found at ${TELCO_CSV}` }
  const db = await openDatabase(':memory:')
  try {
    await importCsv(db, TELCO_CSV, await loadMapping(TELCO_MAPPING))
  } catch (e) {
    return { skipped: `Telco import failed: ${e instanceof Error ? e.message : String(e)}` }
  }
  return depsFor(db)
}
