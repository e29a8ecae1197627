import { rmSync } from 'node:fs'
import { loadConfig } from '../../config.js'
import { AppError } from '../../errors.js'
import { isEmpty } from '../../db/meta.js'
import { openDatabase } from '../../db/open-database.js'
import { generateSampleCompany, SAMPLE_COMPANY_NAME } from '../../db/sample/generate-sample-company.js'
import { parseArgs, type Command } from '../command.js'

const help = `churn-insight seed — write the sample company (${SAMPLE_COMPANY_NAME}) into DATABASE_URL

Usage: churn-insight seed [--customers N] [--seed S] [--force]

Generates a deterministic B2B SaaS company: 36 months of customers, subscriptions,
MRR, product activity, support tickets and bilingual feedback (2023-11-01 to
2026-10-31, as of 2026-11-01), with built-in churn stories to discover
(see data/README.md). The same --seed always gives the same data.

Options:
  --customers N   how many customers to generate (default 5000; 100000 takes ~half a minute)
  --seed S        random seed, a whole number (default 42)
  --force         delete the database file first if it already holds data
  -h, --help      show this help

Examples:
  churn-insight seed
  DATABASE_URL=/tmp/northwind.db churn-insight seed --customers 100000
  churn-insight seed --seed 7 --force`

function wholeNumber(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const text = value === true ? '' : value.replace(/[_,]/g, '')
  if (!/^\d+$/.test(text)) throw new AppError('bad_request', `--${name} needs a whole number, e.g. --${name} ${fallback}.`)
  return Number(text)
}

/** Writes progress on one stderr line when it is a terminal, or every 10% otherwise (logs, CI). */
function progressReporter(): (phase: string, done: number, total: number) => void {
  let lastDecile = -1
  return (phase, done, total) => {
    const line = `seeding ${phase}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${Math.floor((100 * done) / total)}%)`
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${done === total ? '\n' : ''}`)
      return
    }
    const decile = Math.floor((10 * done) / total)
    if (decile !== lastDecile) process.stderr.write(`${line}\n`)
    lastDecile = decile
  }
}

/** `churn-insight seed`: writes the deterministic sample company into the configured database. */
export const seedCommand: Command = {
  name: 'seed',
  help,
  async run(args) {
    const { flags, positionals } = parseArgs(args, ['force'])
    const unknown = [...positionals.map((p) => `"${p}"`), ...Object.keys(flags).filter((f) => !['customers', 'seed', 'force'].includes(f)).map((f) => `--${f}`)]
    if (unknown.length) throw new AppError('bad_request', `Unknown argument ${unknown[0]}. Run "churn-insight seed --help".`)
    const customers = wholeNumber(flags.customers, 'customers', 5000)
    const seed = wholeNumber(flags.seed, 'seed', 42)
    const url = loadConfig().databaseUrl
    const path = url.replace(/^(sqlite|file):(\/\/)?/, '')
    if (flags.force && path !== ':memory:' && !path.includes('://')) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
    }
    const db = await openDatabase(url)
    try {
      if (!(await isEmpty(db))) {
        throw new AppError('bad_request', `${path} already holds data. Add --force to delete it and start over, or set DATABASE_URL to a new file.`)
      }
      const result = await generateSampleCompany(db, { customers, seed, onProgress: progressReporter() })
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0)
      const seconds = result.ms / 1000
      const width = Math.max(...Object.keys(result.rows).map((t) => t.length))
      console.log(`Seeded ${SAMPLE_COMPANY_NAME} (seed ${seed}) into ${path}: ${result.customers.toLocaleString('en-US')} customers, ` +
        `${total.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s (${Math.round(total / Math.max(seconds, 0.001)).toLocaleString('en-US')} rows/s).`)
      for (const [table, n] of Object.entries(result.rows)) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString('en-US').padStart(11)}`)
      console.log('Data runs 2023-11-01 to 2026-10-31, as of 2026-11-01, in USD. Its built-in churn stories are listed in data/README.md.')
      return 0
    } finally {
      await db.destroy()
    }
  },
}
