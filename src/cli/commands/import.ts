import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { loadConfig } from '../../config.js'
import { importCsv, loadMapping } from '../../db/import/import-csv.js'
import { openDatabase } from '../../db/open-database.js'
import { AppError } from '../../errors.js'
import { parseArgs, type Command } from '../command.js'

/** `churn-insight import <file.csv> --mapping <mapping.json> [--replace]`: load your own customer data. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import your customers from a CSV file, described by a mapping file',
  help: `Usage: churn-insight import <file.csv> --mapping <mapping.json> [--replace]

Loads one CSV of customers (one row per customer) into the database named by DATABASE_URL
(default data/churn.db). The mapping file says which column is the customer id, how to read
the signup and churn dates (or tenure and a churn flag), the churn reason, the monthly charge
and which columns are dimensions to break churn down by, with English and Chinese names.
Its format is documented in data/mappings/README.md.

Every row is checked first; errors name the line (the header is line 1) and the column, and
if any row is wrong nothing is imported. The import is all-or-nothing.

Options:
  --mapping FILE   the mapping JSON (required)
  --replace        clear the current data set first (customers, subscriptions, MRR, feedback,
                   tickets, activity, dimensions, meta); conversations are kept. Without it,
                   importing into a database that already holds customers is refused.

Example (IBM's Telco churn sample, 7,043 customers):
  churn-insight import Telco_customer_churn.csv --mapping data/mappings/ibm-telco.json
  DATABASE_URL=data/telco.db churn-insight import Telco_customer_churn.csv \\
    --mapping data/mappings/ibm-telco.json --replace`,
  async run(args) {
    const { flags, positionals } = parseArgs(args, ['replace'])
    const file = positionals[0]
    const mappingPath = typeof flags.mapping === 'string' ? flags.mapping : undefined
    if (!file || !mappingPath) throw new AppError('bad_request', 'Usage: churn-insight import <file.csv> --mapping <mapping.json> [--replace]   (see --help)')
    // Check before opening the database, so a typo does not create an empty database file.
    if (!existsSync(file)) throw new AppError('import_failed', `CSV file not found: ${file}`)
    const mapping = await loadMapping(mappingPath)
    const config = loadConfig()
    const db = await openDatabase(config.databaseUrl)
    try {
      const started = performance.now()
      // On a terminal the progress line rewrites itself; in logs each update is its own line.
      const end = process.stderr.isTTY ? '\r' : '\n'
      const result = await importCsv(db, file, mapping, {
        replace: flags.replace === true,
        onProgress: (rows) => {
          const perSecond = Math.round(rows / ((performance.now() - started) / 1000))
          process.stderr.write(`  ${rows.toLocaleString('en-US')} rows read (${perSecond.toLocaleString('en-US')} rows/s)${end}`)
        },
      })
      if (process.stderr.isTTY) process.stderr.write('\n')
      const perSecond = Math.round(result.customers / Math.max(result.ms / 1000, 0.001))
      const pct = result.customers ? ((100 * result.churned) / result.customers).toFixed(1) : '0'
      console.log(`Imported ${result.customers.toLocaleString('en-US')} customers (${result.churned.toLocaleString('en-US')} churned, ${pct}%) from ${basename(file)} into ${config.databaseUrl} in ${(result.ms / 1000).toFixed(1)} s (${perSecond.toLocaleString('en-US')} rows/s).`)
      console.log(`Rows written: ${Object.entries(result.rows).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}.`)
      console.log(`As-of date ${mapping.asOf}, currency ${mapping.currency}. Try: churn-insight metrics churn_rate --by ${mapping.dimensions[0]?.id ?? 'plan'}`)
      return 0
    } finally {
      await db.destroy()
    }
  },
}
