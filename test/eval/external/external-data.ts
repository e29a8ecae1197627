import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildAppDeps } from '../../../src/app-deps.js'
import { loadConfig } from '../../../src/config.js'
import { importCsv, loadMapping } from '../../../src/db/import/import-csv.js'
import { openDatabase } from '../../../src/db/open-database.js'
import type { EvalData } from '../eval-data.js'
import { SHARED_EXTERNAL, type ExternalSetName } from './external-set.js'

/** How a set's data reaches the database: the file(s) in ../shared and the mapping that imports them. */
type Source = { file: string; mapping: string }

const repo = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url))

// Sets without an entry here are reported as skipped (no mapping that imports them yet).
const sources: Partial<Record<ExternalSetName, Source>> = {
  'telco-cognos': { file: 'ibm-telco-churn-cognos/Telco_customer_churn.csv', mapping: 'data/mappings/ibm-telco.json' },
}

/** The set's data imported into an in-memory database with the offline analyst, or why it is skipped. */
export async function externalData(name: ExternalSetName): Promise<EvalData | { skipped: string }> {
  const src = sources[name]
  if (!src) return { skipped: `no import for ${name} yet` }
  const file = `${SHARED_EXTERNAL}${src.file}`
  if (!existsSync(file)) return { skipped: `${file} is not here (only on CI and dev machines)` }
  const db = await openDatabase(':memory:')
  try {
    await importCsv(db, file, await loadMapping(repo(src.mapping)))
  } catch (e) {
    return { skipped: `import failed: ${e instanceof Error ? e.message : String(e)}` }
  }
  return { db, deps: await buildAppDeps(loadConfig({ LOG_LEVEL: 'silent' }), db) }
}
