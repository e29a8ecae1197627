import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { writePrepared } from '../../../src/db/import/import-csv.js'
import { prepareImport } from '../../../src/db/import/prepare-import.js'
import { proposeMapping } from '../../../src/db/import/propose-mapping.js'
import { openDatabase } from '../../../src/db/open-database.js'
import { loadDataCatalog } from '../../../src/query/load-data-catalog.js'
import { runMetric } from '../../../src/query/run-metric.js'

const tmp = mkdtempSync(join(tmpdir(), 'churn-import-generated-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

// A telecom-style snapshot of 6,000 customers from a seeded generator (mulberry32), with blank
// charges and ages. The expected figures are computed here from the generated rows, not by the engine.
type Row = { id: string; gender: string; contract: string; partner: string; tenure: number; charges: number | null; age: number | null; churn: boolean }
function generate(n: number, seed: number): Row[] {
  let s = seed
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  return Array.from({ length: n }, (_, i) => {
    const contract = pick(['Month-to-month', 'One year', 'Two year'])
    return {
      id: `G${String(i).padStart(5, '0')}-${Math.floor(rand() * 1e4)}`,
      gender: pick(['Female', 'Male']),
      contract,
      partner: pick(['Yes', 'No']),
      tenure: Math.floor(rand() * 73),
      charges: rand() < 0.01 ? null : Math.round(1800 + rand() * 10000) / 100,
      age: rand() < 0.02 ? null : 18 + Math.floor(rand() * 60),
      churn: rand() < (contract === 'Month-to-month' ? 0.4 : 0.1),
    }
  })
}

describe('importing a generated file of 6,000 customers', () => {
  // Progress comes every 5,000 rows, in stage order.
  it('stores every customer, attribute, measure and MRR month the rows imply', async () => {
    const rows = generate(6000, 11)
    const file = join(tmp, 'generated.csv')
    const header = 'customerID,gender,Partner,Contract,tenure,Age,MonthlyCharges,Churn'
    writeFileSync(file, `${[header, ...rows.map((r) => [r.id, r.gender, r.partner, r.contract, r.tenure, r.age ?? '', r.charges ?? ' ', r.churn ? 'Yes' : 'No'].join(','))].join('\n')}\n`)

    const proposal = await proposeMapping([file], { write: false, today: '2026-12-01' })
    const progress: string[] = []
    const prepared = await prepareImport(proposal.file, proposal.mapping, { tables: proposal.tables, onProgress: (stage, n) => progress.push(`${stage} ${n}`) })
    const db = await openDatabase(join(tmp, 'generated.db'), { readers: 0 })
    try {
      const result = await writePrepared(db, file, prepared, { onProgress: (stage, n) => progress.push(`${stage} ${n}`) })
      expect(progress).toEqual(['read 6000', 'checked 5000', 'written 5000'])

      const churned = rows.filter((r) => r.churn).length
      expect(result.customers).toBe(6000)
      expect(result.churned).toBe(churned)
      // Attributes: one row per customer and dimension; yes/no values stay Yes/No.
      const attrs = await sql<{ dimension: string; value: string; n: number }>`select dimension, value, count(*) as n from customer_attributes group by dimension, value`.execute(db)
      const stored = Object.fromEntries(attrs.rows.map((a) => [`${a.dimension}=${a.value}`, Number(a.n)]))
      const expected: Record<string, number> = {}
      for (const r of rows) for (const [d, v] of [['gender', r.gender], ['partner', r.partner], ['contract', r.contract]]) expected[`${d}=${v}`] = (expected[`${d}=${v}`] ?? 0) + 1
      expect(stored).toEqual(expected)
      // Age is a numeric attribute: blank cells are unknown, never 0.
      const age = await sql<{ n: number; total: number }>`select count(*) as n, sum(value) as total from customer_measures where measure = 'age'`.execute(db)
      const aged = rows.filter((r) => r.age !== null)
      expect(Number(age.rows[0].n)).toBe(aged.length)
      expect(Number(age.rows[0].total)).toBe(aged.reduce((s, r) => s + (r.age ?? 0), 0))
      // MRR: the monthly charge in each of the tenure's months from six months before the one-month
      // window (a churner with tenure 0 joined and left in the window); a blank charge stores no revenue.
      const months = (r: Row) => (r.tenure === 0 && r.churn ? 1 : Math.min(r.tenure, 7))
      const billed = rows.filter((r) => r.charges !== null)
      const mrr = await sql<{ n: number; total: number }>`select count(*) as n, sum(mrr) as total from mrr_history`.execute(db)
      expect(Number(mrr.rows[0].n)).toBe(billed.reduce((s, r) => s + months(r), 0))
      expect(Number(mrr.rows[0].total)).toBeCloseTo(billed.reduce((s, r) => s + months(r) * (r.charges ?? 0), 0), 4)
      // The engine's snapshot churn rate, overall and by contract, is the share of churners in the file.
      const deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' as const }, grossMargin: 0.8 }
      const total = await runMetric(deps, { metric: 'churn_rate' })
      expect(total.rows[0].value).toBe(Math.round((10000 * churned) / 6000) / 100)
      const byContract = await runMetric(deps, { metric: 'churn_rate', by: ['contract'] })
      for (const row of byContract.rows) {
        const group = rows.filter((r) => r.contract === row.segment.contract)
        expect(row.value).toBe(Math.round((10000 * group.filter((r) => r.churn).length) / group.length) / 100)
      }
    } finally {
      await db.destroy()
    }
  }, 60_000)
})
