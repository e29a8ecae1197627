import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importCsv } from '../../../src/db/import/import-csv.js'
import { proposeMapping } from '../../../src/db/import/propose-mapping.js'
import { type Db, openDatabase } from '../../../src/db/open-database.js'
import { loadDataCatalog } from '../../../src/query/load-data-catalog.js'
import { measureSummary } from '../../../src/tools/measure-summary.js'

const tmp = mkdtempSync(join(tmpdir(), 'churn-import-summaries-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
let db: Db
beforeEach(async () => { db = await openDatabase(':memory:') })
afterEach(async () => { await db.destroy() })

const write = (dir: string, name: string, text: string) => writeFileSync(join(dir, name), text)
const measuresOf = async (id: string) => Object.fromEntries((await db.selectFrom('customer_measures').select(['customer_id', 'value']).where('measure', '=', id).orderBy('customer_id').execute()).map((r) => [r.customer_id, r.value]))

describe('files with several rows per customer, inferred and imported', () => {
  it('summarises tickets, usage (through subscriptions), subscriptions (all and ended) and refunds per customer, loads the tickets, and keeps the churn flag as a yes/no dimension', async () => {
    const dir = mkdtempSync(join(tmp, 'saas-'))
    write(dir, 'saas_accounts.csv', 'account_id,signup_date,plan_tier,churn_flag\nA,2024-01-10,Pro,True\nB,2024-02-01,Basic,False\nC,2024-03-05,Pro,True\n')
    write(dir, 'saas_churn_events.csv', 'churn_event_id,account_id,churn_date,reason_code,refund_amount_usd,is_reactivation\nE1,A,2024-03-15,pricing,10.5,False\nE2,A,2024-05-20,support,0,False\nE3,B,2024-04-30,features,4.5,True\n')
    write(dir, 'saas_subscriptions.csv', 'subscription_id,account_id,start_date,end_date,mrr_amount\nS1,A,2024-01-10,2024-03-15,100\nS2,B,2024-02-01,,50\nS3,C,2024-03-05,,20\nS4,C,2024-04-01,,10\n')
    write(dir, 'saas_support_tickets.csv', 'ticket_id,account_id,submitted_at,closed_at,resolution_time_hours,priority,satisfaction_score\nT1,A,2024-02-01,2024-02-02 03:00:00,27.0,high,4\nT2,A,2024-02-10,2024-02-10 05:00:00,5.0,low,\nT3,B,2024-03-01,2024-03-03 00:00:00,48.0,urgent,3\n')
    write(dir, 'saas_feature_usage.csv', 'usage_id,subscription_id,usage_date,feature_name,usage_count,usage_duration_secs\nU1,S1,2024-02-01,f1,9,100\nU2,S1,2024-02-02,f2,3,300\nU3,S2,2024-03-01,f1,7,50\n')

    const p = await proposeMapping([dir], { write: false, today: '2026-12-01' })
    expect(p.input.tickets).toEqual({ file: 'saas_support_tickets.csv', on: 'account_id', openedColumn: 'submitted_at', format: 'YYYY-MM-DD', hoursColumn: 'resolution_time_hours', categoryColumn: 'priority' })
    expect(p.input.summaries?.find((s) => s.file === 'saas_feature_usage.csv')?.via).toEqual({ file: 'saas_subscriptions.csv', key: 'subscription_id', on: 'account_id' })
    const flag = p.input.dimensions?.find((d) => d.sourceColumn === 'churn_flag')
    expect(flag).toMatchObject({ id: 'churn_flag', yesNo: true, name: { en: 'Flagged as churned', zh: '标记为流失' } })
    expect(p.input.ignored?.churn_flag).toBeUndefined()

    const r = await importCsv(db, p.file, p.mapping)
    expect(r.rows.tickets).toBe(3)
    // Counts and sums are 0 for a customer without rows; a mean without values is unknown (no row).
    expect(await measuresOf('support_tickets')).toEqual({ A: 2, B: 1, C: 0 })
    expect(await measuresOf('resolution_hours')).toEqual({ A: 16, B: 48 })
    expect(await measuresOf('satisfaction_score')).toEqual({ A: 4, B: 3 })
    expect(await measuresOf('usage_records')).toEqual({ A: 2, B: 1, C: 0 })
    expect(await measuresOf('usage')).toEqual({ A: 12, B: 7, C: 0 })
    expect(await measuresOf('subscriptions')).toEqual({ A: 1, B: 1, C: 2 })
    expect(await measuresOf('ended_subscriptions')).toEqual({ A: 1, B: 0, C: 0 })
    expect(await measuresOf('subscription_mrr')).toEqual({ A: 100, B: 50, C: 30 })
    expect(await measuresOf('ended_subscription_mrr')).toEqual({ A: 100, B: 0, C: 0 })
    expect(await measuresOf('churn_refunds')).toEqual({ A: 10.5, B: 4.5, C: 0 })
    expect(await measuresOf('churn_events_with_refunds')).toEqual({ A: 1, B: 1, C: 0 })
    const tickets = await db.selectFrom('tickets').select(['customer_id', 'opened_date', 'category', 'hours_to_resolve']).orderBy('opened_date').execute()
    expect(tickets).toEqual([
      { customer_id: 'A', opened_date: '2024-02-01', category: 'high', hours_to_resolve: 27 },
      { customer_id: 'A', opened_date: '2024-02-10', category: 'low', hours_to_resolve: 5 },
      { customer_id: 'B', opened_date: '2024-03-01', category: 'urgent', hours_to_resolve: 48 },
    ])
    const flags = await db.selectFrom('customer_attributes').select(['customer_id', 'value']).where('dimension', '=', 'churn_flag').orderBy('customer_id').execute()
    expect(flags.map((f) => `${f.customer_id}:${f.value}`)).toEqual(['A:Yes', 'B:No', 'C:Yes'])
    const names = await db.selectFrom('measures').select(['id', 'name_en', 'name_zh', 'unit']).where('id', 'in', ['support_tickets', 'churn_refunds']).orderBy('id').execute()
    expect(names).toEqual([
      { id: 'churn_refunds', name_en: 'Refunds on churn events (total)', name_zh: '流失事件退款金额合计', unit: 'currency' },
      { id: 'support_tickets', name_en: 'Support tickets', name_zh: '工单数', unit: 'count' },
    ])
  })

  it('names the file and line of a cell it cannot sum, and imports nothing', async () => {
    const dir = mkdtempSync(join(tmp, 'bad-'))
    write(dir, 'x_accounts.csv', 'account_id,signup_date,churn_flag\nA,2024-01-10,True\nB,2024-02-01,False\n')
    write(dir, 'x_churn_events.csv', 'churn_event_id,account_id,churn_date\nE1,A,2024-03-15\n')
    write(dir, 'x_support_tickets.csv', 'ticket_id,account_id,submitted_at,resolution_time_hours\nT1,A,2024-02-01,27\nT2,B,2024-02-03,30\nT3,B,2024-02-04,3\n')
    const p = await proposeMapping([dir], { write: false, today: '2026-12-01' })
    // The file changes between the proposal and the import (a later export).
    write(dir, 'x_support_tickets.csv', 'ticket_id,account_id,submitted_at,resolution_time_hours\nT1,A,2024-02-01,27\nT2,B,2024-02-03,soon\nT3,B,2024-02-04,3\n')
    p.mapping.tickets = undefined // the summaries alone must catch it
    await expect(importCsv(db, p.file, p.mapping)).rejects.toThrow(/line 3, column "resolution_time_hours": .*x_support_tickets\.csv: expected a number, got "soon"/)
    expect(Number((await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0)
  })
})

// RavenStack (in the shared data folder on CI and dev machines): the per-account figures the
// managers' questions need, against the raw CSVs read with csv-parse.
const raven = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/external/ravenstack-saas-churn')
const rowsOf = (name: string) => parse(readFileSync(join(raven, name), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>
describe.runIf(existsSync(raven))('RavenStack with the inferred mapping', () => {
  it('stores tickets, tickets per account, usage and refunds; tickets per account by churn status match the raw files', async () => {
    const p = await proposeMapping([raven], { write: false, today: '2026-12-01' })
    const r = await importCsv(db, p.file, p.mapping)
    const accounts = rowsOf('ravenstack_accounts.csv')
    const tickets = rowsOf('ravenstack_support_tickets.csv')
    const events = rowsOf('ravenstack_churn_events.csv')
    const usage = rowsOf('ravenstack_feature_usage.csv')
    expect(r.rows.tickets).toBe(tickets.length)
    const churned = new Set(events.map((e) => e.account_id))
    const ticketsOf = (inGroup: (id: string) => boolean) => {
      const ids = accounts.map((a) => a.account_id).filter(inGroup)
      return tickets.filter((t) => inGroup(t.account_id)).length / ids.length
    }
    // Over the whole span, "churned" is every account with a churn event (the brief's definition).
    const deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' as const }, grossMargin: 0.8 }
    const s = await measureSummary(deps, { measure: 'support_tickets', byStatus: true, period: { from: '2023-01-01', to: '2025-01-01' } })
    const by = Object.fromEntries(s.rows.map((x) => [x.status, x]))
    expect(by.churned.n).toBe(churned.size)
    expect(by.churned.mean).toBeCloseTo(ticketsOf((id) => churned.has(id)), 9)
    expect(by.retained.mean).toBeCloseTo(ticketsOf((id) => !churned.has(id)), 9)
    // Totals over all accounts equal the files' totals.
    const total = async (id: string) => Number((await db.selectFrom('customer_measures').select((eb) => eb.fn.sum<number>('value').as('v')).where('measure', '=', id).executeTakeFirstOrThrow()).v)
    expect(await total('churn_refunds')).toBeCloseTo(events.reduce((x, e) => x + Number(e.refund_amount_usd), 0), 6)
    expect(await total('churn_events_with_refunds')).toBe(events.filter((e) => Number(e.refund_amount_usd) > 0).length)
    const subscriptions = rowsOf('ravenstack_subscriptions.csv')
    const ended = subscriptions.filter((x) => x.end_date !== '')
    expect(await total('ended_subscriptions')).toBe(ended.length)
    expect(await total('ended_subscription_mrr')).toBe(ended.reduce((x, e) => x + Number(e.mrr_amount), 0))
    expect(await total('subscription_mrr')).toBe(subscriptions.reduce((x, e) => x + Number(e.mrr_amount), 0))
    expect(await total('usage_records')).toBe(usage.length)
    expect(await total('usage')).toBe(usage.reduce((x, u) => x + Number(u.usage_count), 0))
  }, 60_000)
})
