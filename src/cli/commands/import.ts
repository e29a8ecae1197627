import { existsSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { loadConfig } from '../../config.js'
import { writePrepared } from '../../db/import/import-csv.js'
import { formatWarning } from '../../db/import/import-warnings.js'
import { loadMapping } from '../../db/import/load-mapping.js'
import { prepareImport } from '../../db/import/prepare-import.js'
import { proposeMapping } from '../../db/import/propose-mapping.js'
import type { Table } from '../../db/import/read-table.js'
import { openDatabase } from '../../db/open-database.js'
import { AppError } from '../../errors.js'
import { parseArgs, type Command } from '../command.js'
import { formatNote } from '../../db/import/format-note.js'

const usage = 'Usage: churn-insight import <data.csv|data.xlsx|folder> [more files] [--mapping <mapping.json>] [--yes] [--replace] [--out <mapping.json>]'

/** `churn-insight import`: load your own customer data, with or without a mapping file. */
export const importCommand: Command = {
  name: 'import',
  help: `${usage}

Loads customers (one row per customer) into the database named by DATABASE_URL (default
data/churn.db). CSV in UTF-8 (with or without BOM) or GBK/GB18030, comma, semicolon or tab
separated, or the first sheet of an .xlsx workbook.

Without --mapping, the columns are profiled and a mapping is proposed: the customer id, churn
(a flag such as 1/0, Yes/No, True/False, 是/否; a status; a churn date; or a file of churn
events), signup (a date, or a tenure whose unit is guessed and stated), monthly revenue,
dimensions (yes/no ones flagged), numeric attributes, with English and Chinese names. It prints
a dry run (customers, churned, churn rate, the observed churn window, warnings) and writes
<data>.mapping.json beside the file for review; nothing is imported unless you add --yes.
Several files of one data set (a folder, or the files listed) are joined on their shared key:
one row per customer is joined in; churn events and subscriptions attach as dated rows.

With --mapping, that mapping is used (format: data/mappings/README.md). Every row is checked
first; errors name the line and the column, and if any row is wrong nothing is imported.

Options:
  --mapping FILE   use this mapping instead of proposing one
  --yes            import right away with the proposed mapping (it is still written for review)
  --out FILE       where to write the proposed mapping (default: beside the data file)
  --replace        clear the current data set first (customers, subscriptions, MRR, measures,
                   feedback, tickets, activity, dimensions, meta); conversations are kept.
                   Without it, importing into a database that already holds customers is refused.

Examples:
  churn-insight import customers.csv                 # propose customers.mapping.json, dry run
  churn-insight import customers.csv --yes           # propose and import
  churn-insight import exports/ --yes --replace      # a folder of files joined on their key
  churn-insight import Telco_customer_churn.csv --mapping data/mappings/ibm-telco.json`,
  async run(args) {
    const { flags, positionals } = parseArgs(args, ['replace', 'yes'])
    if (positionals.length === 0) throw new AppError('bad_request', `${usage}   (see --help)`)
    for (const f of positionals) if (!existsSync(f)) throw new AppError('import_failed', `Data file not found: ${f}`)
    const started = performance.now()
    const log = (line: string) => process.stderr.write(`${line}\n`)
    const say = (line: string) => console.log(line)

    let file: string
    let mapping
    let tables: Table[] | undefined
    let proposed = false
    if (typeof flags.mapping === 'string') {
      if (positionals.length > 1 || statSync(positionals[0]).isDirectory()) throw new AppError('bad_request', 'With --mapping give the one customer file; the mapping names the files it joins.')
      file = positionals[0]
      mapping = await loadMapping(flags.mapping)
    } else {
      log(`Profiling ${positionals.join(', ')} …`)
      const p = await proposeMapping(positionals, { out: typeof flags.out === 'string' ? flags.out : undefined })
      file = p.file
      mapping = p.mapping
      tables = p.tables
      proposed = true
      say(`Proposed mapping written to ${p.written}${p.fallback ? ` (the data folder is not writable)` : ''}.`)
      for (const n of p.notes) for (const line of formatNote(n)) say(`  ${line}`)
    }

    log(`Reading ${basename(file)} …`)
    const prepared = await prepareImport(file, mapping, { tables, onProgress: (stage, n) => log(`  ${n.toLocaleString('en-US')} rows ${stage}`) })
    const pct = prepared.customers.length ? ((100 * prepared.churned) / prepared.customers.length).toFixed(1) : '0'
    say(`${proposed && flags.yes !== true ? 'Dry run' : 'Checked'}: ${prepared.customers.length.toLocaleString('en-US')} customers, ${prepared.churned.toLocaleString('en-US')} churned (${pct}%); ${prepared.dataKind === 'snapshot' ? 'snapshot' : 'dated data'}, churn observed ${prepared.window.from} – ${prepared.window.to} (to exclusive); as-of ${mapping.asOf}.`)
    say(`  ${mapping.dimensions.length} dimensions, ${mapping.measures.length} numeric attributes${mapping.churnReason ? ', churn reasons' : ''}${mapping.mrr ? ', monthly revenue' : ''}.`)
    if (prepared.warnings.length > 0) {
      say('Warnings:')
      for (const w of prepared.warnings) say(`  - ${formatWarning(w)}`)
    }
    if (proposed && flags.yes !== true) {
      say(`Nothing imported. Review the mapping, then run: churn-insight import ${file} --mapping <the mapping>  (or re-run with --yes)`)
      return 0
    }

    const config = loadConfig()
    const db = await openDatabase(config.databaseUrl)
    try {
      const result = await writePrepared(db, file, prepared, { replace: flags.replace === true, onProgress: (_stage, n) => log(`  ${n.toLocaleString('en-US')} customers written`) }, started)
      const perSecond = Math.round(result.customers / Math.max(result.ms / 1000, 0.001))
      say(`Rows written: ${Object.entries(result.rows).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}.`)
      say(`Imported ${result.customers.toLocaleString('en-US')} customers (${result.churned.toLocaleString('en-US')} churned, ${pct}%) from ${basename(file)} into ${config.databaseUrl} in ${(result.ms / 1000).toFixed(1)} s (${perSecond.toLocaleString('en-US')} rows/s). Try: churn-insight metrics churn_rate --by ${mapping.dimensions[0]?.id ?? 'plan'}`)
      return 0
    } finally {
      await db.destroy()
    }
  },
}
