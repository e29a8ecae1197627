import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCsv } from '../../src/db/import/import-csv.js'
import { proposeMapping } from '../../src/db/import/propose-mapping.js'
import { type Db, openDatabase } from '../../src/db/open-database.js'
import { composeReasons, type ReasonsOutput } from '../../src/model/offline/compose-reasons.js'
import { runProfile } from '../../src/query/profile-sql.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { churnReasons } from '../../src/tools/churn-reasons.js'
import type { ToolDeps } from '../../src/tools/tool-deps.js'

// A file shaped like IBM Telco 11.1.3's status table: a flag, a status with a third value (Joined), the data's own churn
// category and reason for churners only, and the quarter it describes. 10 customers, 5 churned:
// Competitor 3 (60%), Price 1 (20%), Attitude 1 (20%); statuses Stayed 3, Churned 5, Joined 2.
const rows = [
  ['C01', 10, 'Yes', 'Churned', 'Competitor', 'Competitor had better devices', 70],
  ['C02', 3, 'Yes', 'Churned', 'Competitor', 'Competitor made better offer', 80],
  ['C03', 5, 'Yes', 'Churned', 'Competitor', 'Competitor had better devices', 90],
  ['C04', 8, 'Yes', 'Churned', 'Price', 'Price too high', 60],
  ['C05', 2, 'Yes', 'Churned', 'Attitude', 'Attitude of support person', 50],
  ['C06', 40, 'No', 'Stayed', '', '', 40],
  ['C07', 30, 'No', 'Stayed', '', '', 45],
  ['C08', 20, 'No', 'Stayed', '', '', 55],
  ['C09', 1, 'No', 'Joined', '', '', 65],
  ['C10', 2, 'No', 'Joined', '', '', 75],
]
const csv = ['Customer ID,Tenure in Months,Churn Label,Customer Status,Churn Category,Churn Reason,Monthly Charge,Quarter',
  ...rows.map((r) => [...r, 'Q3'].join(','))].join('\n')

const tmp = mkdtempSync(join(tmpdir(), 'churn-own-categories-'))
let db: Db
let deps: ToolDeps
beforeAll(async () => {
  const file = join(tmp, 'status.csv')
  writeFileSync(file, csv)
  db = await openDatabase(':memory:')
  const p = await proposeMapping([file], { write: false, today: '2026-12-01' })
  await importCsv(db, p.file, p.mapping)
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
})
afterAll(async () => {
  await db.destroy()
  rmSync(tmp, { recursive: true, force: true })
})

describe("a file with its own churn categories and a three-valued status", () => {
  it('keeps the status and the category as outcome dimensions, and places the Q3 snapshot in Q3', () => {
    const outcome = Object.fromEntries(deps.catalog.dimensions.filter((d) => d.outcome).map((d) => [d.id, d.outcome]))
    expect(outcome).toEqual({ customer_status: 'status', churn_category: 'reason_category' })
    expect(deps.catalog.meta.asOf).toBe('2026-10-01')
    expect(deps.catalog.coverage).toMatchObject({ kind: 'snapshot', from: '2026-07-01' })
  })

  it("gives each of the data's own categories its share of all churned customers", async () => {
    const r = await churnReasons(deps, {})
    expect(r.churned).toBe(5)
    expect(r.ownCategories?.categories.map((c) => [c.value, c.count, c.share])).toEqual([['Competitor', 3, 60], ['Attitude', 1, 20], ['Price', 1, 20]])
    const text = composeReasons(r as unknown as ReasonsOutput, 'en')
    expect(text).toMatch(/by the data's own churn category \(5 churned customers\): Competitor 60\.0% \(3\), Attitude 20\.0% \(1\), Price 20\.0% \(1\)\./)
    expect(text).toContain('the most frequent stated reason is “Competitor had better devices” (40.0%)')
    const zh = composeReasons((await churnReasons(deps, { language: 'zh' })) as unknown as ReasonsOutput, 'zh')
    expect(zh).toMatch(/按数据自带的“流失类别”（共5个流失客户）：竞争对手 60\.0%（3）/)
  })

  it('leaves outcome dimensions out of the churner profile', async () => {
    const window = { from: '2026-07-01', to: '2026-10-02', label: 'Q3' } as Parameters<typeof runProfile>[1]
    const { factors } = await runProfile(deps, window, { status: 'churned', filters: [], negateFilters: false }, { status: 'retained', filters: [], negateFilters: false })
    // Tenure still separates the groups (churners 2–10 months, the others 1–40); the outcome columns are not "factors".
    expect(factors.map((f) => f.id)).toContain('tenure_months')
    expect(factors.map((f) => f.id)).not.toContain('customer_status')
    expect(factors.map((f) => f.id)).not.toContain('churn_category')
  })
})
