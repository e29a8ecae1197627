import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importCsv } from '../../../src/db/import/import-csv.js'
import { proposeMapping } from '../../../src/db/import/propose-mapping.js'
import { type Db, openDatabase } from '../../../src/db/open-database.js'
import { loadDataCatalog } from '../../../src/query/load-data-catalog.js'
import { detailSummary } from '../../../src/tools/detail-summary.js'
import type { ToolDeps } from '../../../src/tools/tool-deps.js'

const tmp = mkdtempSync(join(tmpdir(), 'churn-import-details-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
let db: Db
beforeEach(async () => { db = await openDatabase(':memory:') })
afterEach(async () => { await db.destroy() })
const write = (dir: string, name: string, text: string) => writeFileSync(join(dir, name), text)
const depsOf = async (): Promise<ToolDeps> => ({ db, catalog: await loadDataCatalog(db), churn: {} as ToolDeps['churn'], grossMargin: 1 })
type Out = { rows: Array<{ group: string | null; status?: string; endedGroup?: boolean | null; rows: number; customers: number; sum: number | null; mean: number | null; ended: number; endedKnown: number }> }
const run = async (input: Record<string, unknown>) => (await detailSummary(await depsOf(), input as never)) as unknown as Out

describe('child rows kept as typed detail rows', () => {
  it('infers usage rows (through subscriptions) and subscriptions with their fields and own end, and answers totals, per-row means and ended shares', async () => {
    const dir = mkdtempSync(join(tmp, 'saas-'))
    write(dir, 'saas_accounts.csv', 'account_id,signup_date,plan_tier\nA,2024-01-10,Pro\nB,2024-02-01,Basic\nC,2024-03-05,Pro\n')
    write(dir, 'saas_churn_events.csv', 'churn_event_id,account_id,churn_date\nE1,A,2024-03-15\n')
    write(dir, 'saas_subscriptions.csv', 'subscription_id,account_id,start_date,end_date,mrr_amount,churn_flag,auto_renew_flag\nS1,A,2024-01-10,2024-03-15,100,True,False\nS2,B,2024-02-01,,50,False,True\nS3,C,2024-03-05,,20,False,True\nS4,C,2024-04-01,2024-06-01,10,True,True\n')
    write(dir, 'saas_feature_usage.csv', 'usage_id,subscription_id,usage_date,feature_name,usage_count\nU1,S1,2024-02-01,f1,9\nU2,S1,2024-02-02,f2,3\nU3,S2,2024-03-01,f1,7\nU4,S3,2024-03-09,f2,1\n')
    const p = await proposeMapping([dir], { write: false, today: '2026-12-01' })
    const subs = p.input.details?.find((d) => d.id === 'subscriptions')
    expect(subs?.ended).toEqual({ flagColumn: 'churn_flag', trueValues: ['True'] })
    expect(subs?.fields.find((f) => f.column === 'auto_renew_flag')).toMatchObject({ id: 'auto_renew', kind: 'yes_no', name: { en: 'Auto-renew', zh: '自动续费' } })
    const usage = p.input.details?.find((d) => d.id === 'usage')
    expect(usage?.via).toEqual({ file: 'saas_subscriptions.csv', key: 'subscription_id', on: 'account_id' })
    expect(usage?.fields.map((f) => [f.id, f.kind])).toEqual([['feature', 'category'], ['usage', 'number']])

    const r = await importCsv(db, p.file, p.mapping)
    expect(r.rows.detail_rows).toBe(8)
    // Total usage by feature: f1 = 9 + 7, f2 = 3 + 1.
    const byFeature = await run({ source: 'usage', measure: 'usage', by: 'feature' })
    expect(byFeature.rows.map((x) => [x.group, x.sum, x.rows])).toEqual([['f1', 16, 2], ['f2', 4, 2]])
    // Per row, churned customer A (one churn event) vs the others (B, C): (9 + 3) / 2 and (7 + 1) / 2.
    const byStatus = await run({ source: 'usage', measure: 'usage', byStatus: true })
    expect(byStatus.rows.map((x) => [x.status, x.mean, x.customers])).toEqual([['churned', 6, 1], ['other', 4, 2]])
    // Subscriptions that ended, with vs without auto-renew: No 1 of 1, Yes 1 of 3.
    const byRenew = await run({ source: 'subscriptions', by: 'auto_renew', focus: 'ended_share' })
    expect(byRenew.rows.map((x) => [x.group, x.ended, x.endedKnown])).toEqual([['No', 1, 1], ['Yes', 1, 3]])
    // MRR of the ended subscriptions (100 + 10 over 2) against all (180 over 4).
    const ended = await run({ source: 'subscriptions', measure: 'mrr', byEnded: true })
    expect(ended.rows.map((x) => [x.endedGroup, x.sum, x.rows])).toEqual([[false, 70, 2], [true, 110, 2]])
    await expect(detailSummary(await depsOf(), { source: 'usage', measure: 'feature' } as never)).rejects.toMatchObject({ code: 'unknown_dimension' })
  })

  const raven = '/work/shared/data/external/ravenstack-saas-churn'
  it.skipIf(!existsSync(raven))('RavenStack: the figures agree with Python over the CSV files', async () => {
    const py = `
import csv, json
d = '${raven}/ravenstack_'
rows = lambda f: list(csv.DictReader(open(d + f + '.csv')))
subs = rows('subscriptions'); use = rows('feature_usage'); ev = rows('churn_events')
owner = {s['subscription_id']: s['account_id'] for s in subs}
churned = {e['account_id'] for e in ev}
tot = {}
for u in use: tot[u['feature_name']] = tot.get(u['feature_name'], 0) + int(u['usage_count'])
top = max(tot.items(), key=lambda kv: kv[1])
grp = lambda pred: [int(u['usage_count']) for u in use if pred(owner[u['subscription_id']] in churned)]
ch, ot = grp(lambda c: c), grp(lambda c: not c)
renew = {v: [s for s in subs if s['auto_renew_flag'] == v] for v in ('True', 'False')}
share = {v: 100 * sum(s['churn_flag'] == 'True' for s in xs) / len(xs) for v, xs in renew.items()}
ended = [float(s['mrr_amount']) for s in subs if s['churn_flag'] == 'True']
print(json.dumps({'top': top, 'ch': sum(ch) / len(ch), 'ot': sum(ot) / len(ot), 'share': share, 'ended': [sum(ended), len(ended)]}))
`
    const want = JSON.parse(execFileSync('python3', ['-c', py], { encoding: 'utf8' }))
    const p = await proposeMapping([raven], { write: false, today: '2026-12-01' })
    await importCsv(db, p.file, p.mapping)
    const byFeature = await run({ source: 'usage', measure: 'usage', by: 'feature' })
    const top = [...byFeature.rows].sort((a, b) => (b.sum ?? 0) - (a.sum ?? 0))[0]
    expect([top.group, top.sum]).toEqual(want.top)
    const byStatus = await run({ source: 'usage', measure: 'usage', byStatus: true })
    expect(byStatus.rows.find((x) => x.status === 'churned')?.mean).toBeCloseTo(want.ch, 9)
    expect(byStatus.rows.find((x) => x.status === 'other')?.mean).toBeCloseTo(want.ot, 9)
    const byRenew = await run({ source: 'subscriptions', by: 'auto_renew' })
    const pct = (g: string) => { const x = byRenew.rows.find((r) => r.group === g)!; return (100 * x.ended) / x.endedKnown }
    expect(pct('Yes')).toBeCloseTo(want.share.True, 9)
    expect(pct('No')).toBeCloseTo(want.share.False, 9)
    const ended = (await run({ source: 'subscriptions', measure: 'mrr', byEnded: true })).rows.find((x) => x.endedGroup === true)
    expect(ended?.sum).toBeCloseTo(want.ended[0], 6)
    expect(ended?.rows).toBe(want.ended[1])
  }, 60_000)
})
