import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alertJobs } from '../../src/alerts/alert-jobs.js'
import { parseAlertsFile } from '../../src/alerts/alerts-config.js'
import { createDeliverer } from '../../src/alerts/deliver.js'
import { startScheduler } from '../../src/alerts/scheduler.js'
import { openDatabase, type Db } from '../../src/db/open-database.js'
import { generateSampleCompany } from '../../src/db/sample/generate-sample-company.js'
import { loadDataCatalog } from '../../src/query/load-data-catalog.js'
import { riskSummary } from '../../src/tools/risk-summary.js'
import type { ToolDeps } from '../../src/tools/tool-deps.js'
import { fakeClock, startReceiver } from './fake-receivers.js'

let db: Db
let deps: ToolDeps
let slack: Awaited<ReturnType<typeof startReceiver>>
let hook: Awaited<ReturnType<typeof startReceiver>>

beforeAll(async () => {
  db = await openDatabase(':memory:')
  await generateSampleCompany(db, { customers: 1500 })
  deps = { db, catalog: await loadDataCatalog(db), churn: { kind: 'subscription' }, grossMargin: 0.8 }
  slack = await startReceiver('slack')
  hook = await startReceiver('webhook')
}, 120_000)
afterAll(async () => {
  await slack?.close()
  await hook?.close()
})

// Churn in [from, to) ÷ spells active at its start, straight from subscriptions (independent of the metric engine).
async function churnPct(from: string, to: string): Promise<string> {
  const r = await sql<{ churned: number; active: number }>`select
      sum(case when end_date >= ${from} and end_date < ${to} then 1 else 0 end) as churned, count(*) as active
    from subscriptions where start_date < ${from} and (end_date is null or end_date >= ${from})`.execute(db)
  return `${((100 * r.rows[0].churned) / r.rows[0].active).toFixed(2)}%`
}

describe('digests and alerts on a schedule', () => {
  it('a Chinese digest reaches the Slack channel and an English MRR alert reaches the webhook when the clock says so, once', async () => {
    const file = parseAlertsFile({
      channels: { cs: { type: 'slack', channel: 'C0CS' }, ops: { type: 'webhook', url: `${hook.url}/hooks/churn`, headers: { 'x-team': 'ops' } } },
      digests: [{ id: 'weekly-zh', schedule: { every: 'week', day: 'mon', time: '09:00' }, channels: ['cs'], language: 'zh' }],
      alerts: [
        { id: 'mrr', kind: 'mrr_at_risk', threshold: 1, schedule: { every: 'day', time: '07:00' }, channels: ['ops'], language: 'en' },
        { id: 'never', kind: 'mrr_at_risk', threshold: 1e12, schedule: { every: 'day', time: '07:00' }, channels: ['ops'] },
      ],
    })
    const clock = fakeClock('2026-11-01T12:00:00Z') // a Sunday
    const errors: string[] = []
    const deliverer = createDeliverer({ slack: { botToken: 'xoxb-test', apiUrl: `${slack.url}/api` } })
    const s = startScheduler(alertJobs(file, () => deps, deliverer), clock, (j, e) => errors.push(`${j.id}: ${(e as Error).message}`))
    clock.advance(19 * 3600_000) // Monday 07:00: the alerts run
    await hook.waitFor(() => hook.got.length >= 1)
    // The scheduler re-arms its timer once every due job has finished.
    await hook.waitFor(() => clock.pending() === 1)
    expect(slack.got).toHaveLength(0)
    clock.advance(2 * 3600_000) // Monday 09:00: the digest runs
    await slack.waitFor(() => slack.got.length >= 1)

    const summary = await riskSummary(deps, { language: 'en' })
    const alert = hook.got[0]
    expect(alert.path).toBe('/hooks/churn')
    expect(alert.headers['x-team']).toBe('ops')
    expect(alert.body).toMatchObject({ type: 'alert', source: 'mrr', language: 'en' })
    expect(alert.body.title).toBe(`MRR at risk alert: ${Math.round(summary.total.mrrAtRisk).toLocaleString('en-US')} USD is above 1 USD`)
    expect(alert.body.text).toContain(`Model ${summary.model.id}`)

    const post = slack.got[0]
    expect(post.path).toBe('/api/chat.postMessage')
    expect(post.body.channel).toBe('C0CS')
    const text: string = post.body.text
    // Week ending at the data's as-of date (2026-11-01), against the week before.
    expect(text).toContain('*流失周报 · 2026-10-25 – 2026-10-31 · 全部客户*')
    expect(text).toContain(`流失率 ${await churnPct('2026-10-25', '2026-11-01')}`)
    expect(text).toContain(`上期 ${await churnPct('2026-10-18', '2026-10-25')}`)
    expect(text).toMatch(/变化最显著的群体：.+（(不)?显著，p=/)
    expect(text).toContain('主要流失原因')
    expect(text).toMatch(/— “.+”/)
    expect(text).toContain(`风险MRR（未来1个月预期）：${Math.round(summary.total.mrrAtRisk).toLocaleString('en-US')} USD`)
    expect(errors).toEqual([])

    // The next morning both alerts run again: the same alert is not sent twice; the impossible threshold never fires.
    await slack.waitFor(() => clock.pending() === 1)
    const runs = { n: 0 }
    clock.advance(22 * 3600_000)
    await slack.waitFor(() => clock.pending() === 1)
    runs.n = hook.got.length
    expect(runs.n).toBe(1)
    s.stop()
  }, 180_000)

  it('reports a Slack failure instead of losing it silently', async () => {
    const deliverer = createDeliverer({ slack: { botToken: 'xoxb-wrong', apiUrl: `${slack.url}/api/` } })
    await expect(deliverer.deliver({ type: 'slack', channel: 'C1' }, { kind: 'alert', source: 'x', language: 'en', title: 't', text: 'x', data: {} })).rejects.toThrow('invalid_auth')
  })

  it('accepts the alerts.json example in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const block = readme.split('## Early warning')[1].match(/```json\n([\s\S]*?)```/)![1]
    const f = parseAlertsFile(JSON.parse(block))
    expect(f.digests.map((d) => [d.id, d.language, d.scope])).toEqual([['weekly-apac', 'zh', { region: ['APAC'] }]])
    expect(f.alerts.map((a) => a.kind)).toEqual(['segment_churn_rise', 'mrr_at_risk'])
  })

  it('rejects an alerts file that names a channel it does not define', () => {
    expect(() => parseAlertsFile({ channels: {}, digests: [{ id: 'd', schedule: { every: 'day' }, channels: ['nope'] }] })).toThrow('d: unknown channel "nope"')
  })
})

describe('startAlerts (what the server calls at start-up)', () => {
  it('does nothing without an alerts file, and runs the file\'s schedules with it', async () => {
    const { startAlerts } = await import('../../src/alerts/start-alerts.js')
    const { mkdirSync, writeFileSync } = await import('node:fs')
    const config = { alertsFile: 'test-artifacts/risk/none.json', slack: {}, logLevel: 'silent' as const }
    expect(await startAlerts(config, () => deps)).toBeNull()
    mkdirSync('test-artifacts/risk', { recursive: true })
    writeFileSync('test-artifacts/risk/alerts.json', JSON.stringify({
      channels: { hook: { type: 'webhook', url: `${hook.url}/start` } },
      alerts: [{ id: 'mrr', kind: 'mrr_at_risk', threshold: 1, schedule: { every: 'hour', minute: 30 }, channels: ['hook'], language: 'zh' }],
    }))
    const clock = fakeClock('2026-11-03T10:00:00Z')
    const s = (await startAlerts({ ...config, alertsFile: 'test-artifacts/risk/alerts.json' }, () => deps, { clock }))!
    expect(s.next()).toEqual([{ id: 'alert:mrr', at: '2026-11-03T10:30:00.000Z' }])
    const before = hook.got.length
    clock.advance(30 * 60_000)
    await hook.waitFor(() => hook.got.length > before)
    expect(hook.got.at(-1)).toMatchObject({ path: '/start', body: { type: 'alert', language: 'zh' } })
    expect(hook.got.at(-1)!.body.title).toMatch(/^风险MRR预警：[\d,]+ USD 超过阈值 1 USD$/)
    s.stop()
  })
})

describe('group-robot channels (Feishu, DingTalk, WeCom incoming webhooks)', () => {
  it('post each platform\'s documented payload and surface an error code', async () => {
    const msg = { kind: 'alert' as const, source: 'mrr', language: 'zh' as const, title: '风险MRR预警', text: '预期流失 1,234 USD', data: {} }
    const deliverer = createDeliverer({})
    for (const type of ['feishu_robot', 'dingtalk_robot', 'wecom_robot'] as const) await deliverer.deliver({ type, url: `${hook.url}/robot/${type}` }, msg)
    const got = Object.fromEntries(hook.got.filter((g) => g.path.startsWith('/robot/')).map((g) => [g.path.slice(7), g.body]))
    expect(got).toEqual({
      feishu_robot: { msg_type: 'text', content: { text: '风险MRR预警\n预期流失 1,234 USD' } },
      dingtalk_robot: { msgtype: 'markdown', markdown: { title: '风险MRR预警', text: '### 风险MRR预警\n预期流失 1,234 USD' } },
      wecom_robot: { msgtype: 'markdown', markdown: { content: '**风险MRR预警**\n预期流失 1,234 USD' } },
    })
    const fetchWithCode: typeof fetch = async () => new Response(JSON.stringify({ errcode: 310000, errmsg: 'keywords not in content' }), { status: 200 })
    await expect(createDeliverer({ fetch: fetchWithCode }).deliver({ type: 'dingtalk_robot', url: 'http://127.0.0.1:9/robot/send' }, msg)).rejects.toThrow('dingtalk_robot answered 200 code 310000: keywords not in content')
  })
})
