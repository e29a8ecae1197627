import { buildAppDeps, type AppDeps } from '../app-deps.js'
import { loadConfig } from '../config.js'
import { AppError } from '../errors.js'
import { isEmpty } from '../db/meta.js'
import { openDatabase } from '../db/open-database.js'

/** Opens DATABASE_URL for a CLI command; an empty database gets a hint instead of silent zeros. */
export async function openAppDeps(): Promise<AppDeps> {
  const config = loadConfig()
  const db = await openDatabase(config.databaseUrl, config.db)
  if (await isEmpty(db)) {
    await db.destroy()
    throw new AppError('not_found', `The database ${config.databaseUrl} holds no customers yet: run "churn-insight seed" for the sample company, "churn-insight import <file.csv> --mapping <mapping.json>" for your own data, or "npm start" (which seeds on first run).`)
  }
  return buildAppDeps(config, db)
}
