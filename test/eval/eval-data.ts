import { buildAppDeps, type AppDeps } from '../../src/app-deps.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase, type Db } from '../../src/db/open-database.js'
import { generateSampleCompany } from '../../src/db/sample/generate-sample-company.js'

/** One data set the eval runs on: its database and the app's deps (offline analyst, the default). */
export type EvalData = { db: Db; deps: AppDeps }

async function depsFor(db: Db): Promise<EvalData> {
  return { db, deps: await buildAppDeps(loadConfig({ LOG_LEVEL: 'silent' }), db) }
}

/** The sample company (5,000 customers, seed 42) in memory. */
export async function sampleData(): Promise<EvalData> {
  const db = await openDatabase(':memory:')
  await generateSampleCompany(db)
  return depsFor(db)
}
