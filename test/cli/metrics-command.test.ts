import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { importCommand } from '../../src/cli/commands/import.js'
import { metricsCommand } from '../../src/cli/commands/metrics.js'

const tmp = mkdtempSync(join(tmpdir(), 'churn-metrics-cli-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let out: string[] = []
const saved = process.env.DATABASE_URL
beforeEach(() => {
  out = []
  vi.spyOn(console, 'log').mockImplementation((line: string) => { out.push(line) })
  vi.spyOn(process.stderr, 'write').mockImplementation((() => true) as typeof process.stderr.write)
})
afterEach(() => {
  vi.restoreAllMocks()
  process.env.DATABASE_URL = saved
})

describe('churn-insight metrics on a snapshot file', () => {
  it('shows each group\'s customers in the file and its churned, the figures the rate is made of', async () => {
    const file = join(tmp, 'snapshot.csv')
    const rows = ['id,tenure,Contract,MonthlyCharges,Churn']
    // Month-to-month: 4 customers, 3 churned (75%); One year: 5 customers, 1 churned (20%).
    for (let i = 0; i < 4; i++) rows.push(`M${i},${i + 1},Month-to-month,50,${i < 3 ? 'Yes' : 'No'}`)
    for (let i = 0; i < 5; i++) rows.push(`Y${i},${i + 10},One year,70,${i < 1 ? 'Yes' : 'No'}`)
    writeFileSync(file, rows.join('\n'))
    process.env.DATABASE_URL = join(tmp, 'snapshot.db')
    expect(await importCommand.run([file, '--yes'])).toBe(0)
    out = []
    expect(await metricsCommand.run(['churn_rate', '--by', 'contract'])).toBe(0)
    const table = out.join('\n').split('\n').map((l) => l.trim().split(/\s{2,}/))
    expect(table.find((r) => r[0] === 'contract')).toEqual(['contract', 'churn_rate', 'customers', 'churned'])
    expect(table.find((r) => r[0] === 'Month-to-month')).toEqual(['Month-to-month', '75', '4', '3'])
    expect(table.find((r) => r[0] === 'One year')).toEqual(['One year', '20', '5', '1'])
  })
})
