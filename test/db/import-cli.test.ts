import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { importCommand } from '../../src/cli/commands/import.js'
import { openDatabase } from '../../src/db/open-database.js'

const tmp = mkdtempSync(join(tmpdir(), 'churn-import-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

// Everything the command prints, stdout and stderr interleaved in order.
let out: Array<{ stream: 'out' | 'err'; line: string }> = []
const saved = process.env.DATABASE_URL
beforeEach(() => {
  out = []
  vi.spyOn(console, 'log').mockImplementation((line: string) => { out.push({ stream: 'out', line }) })
  vi.spyOn(process.stderr, 'write').mockImplementation(((line: string) => { out.push({ stream: 'err', line: line.trimEnd() }); return true }) as typeof process.stderr.write)
})
afterEach(() => {
  vi.restoreAllMocks()
  process.env.DATABASE_URL = saved
})

const csv = [
  'customerID,gender,SeniorCitizen,tenure,Contract,MonthlyCharges,TotalCharges,Churn',
  'A1,Female,0,1,Month-to-month,29.85,29.85,No',
  'A2,Male,0,34,One year,56.95,1889.5,No',
  'A3,Male,1,2,Month-to-month,53.85,108.15,Yes',
  'A4,Female,0,0,Two year,52.55, ,No',
].join('\n')

describe('churn-insight import without a mapping', () => {
  it('proposes a mapping beside the file, dry-runs, and imports nothing without --yes', async () => {
    const file = join(tmp, 'customers.csv')
    writeFileSync(file, csv)
    process.env.DATABASE_URL = join(tmp, 'dry.db')
    expect(await importCommand.run([file])).toBe(0)
    const mapping = JSON.parse(readFileSync(join(tmp, 'customers.mapping.json'), 'utf8'))
    expect(mapping).toMatchObject({ customerId: 'customerID', signup: { tenureColumn: 'tenure', unit: 'months' }, churn: { flagColumn: 'Churn', trueValues: ['Yes'] }, mrr: { column: 'MonthlyCharges' } })
    const text = out.map((o) => o.line).join('\n')
    expect(text).toContain('Tenure "tenure" ranges 0–34: months? (guessed from the values; set signup.unit if not)')
    expect(text).toContain('Dry run: 4 customers, 1 churned (25.0%)')
    expect(text).toContain('Column "TotalCharges": 1 blank cell, kept as unknown.')
    expect(out.at(-1)?.line).toMatch(/^Nothing imported\./)
    expect(existsSync(join(tmp, 'dry.db'))).toBe(false) // no database is created by a dry run
  })

  it('with --yes imports at once: progress in order, the summary last; the written mapping then imports with --mapping', async () => {
    const file = join(tmp, 'yes.csv')
    writeFileSync(file, csv)
    process.env.DATABASE_URL = join(tmp, 'yes.db')
    expect(await importCommand.run([file, '--yes'])).toBe(0)
    const lines = out.map((o) => o.line)
    const order = ['Profiling', 'Proposed mapping written', 'Reading', 'rows read', 'Checked: 4 customers', 'Rows written:', 'Imported 4 customers (1 churned, 25.0%)']
    const at = order.map((s) => lines.findIndex((l) => l.includes(s)))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(lines.at(-1)).toMatch(/^Imported 4 customers/)
    const db = await openDatabase(join(tmp, 'yes.db'))
    const n = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(n.n)).toBe(4)
    await db.destroy()

    out = []
    process.env.DATABASE_URL = join(tmp, 'again.db')
    expect(await importCommand.run([file, '--mapping', join(tmp, 'yes.mapping.json')])).toBe(0)
    expect(out.at(-1)?.line).toMatch(/^Imported 4 customers/)
  })

  it('shows help that documents the options', () => {
    for (const opt of ['--mapping', '--yes', '--replace', '--out', '.xlsx', 'GBK']) expect(importCommand.help).toContain(opt)
  })
})
