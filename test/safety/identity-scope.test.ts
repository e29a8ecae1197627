import { describe, expect, it } from 'vitest'
import { createApiToken } from '../../src/auth/api-tokens.js'
import { loadConfig } from '../../src/config.js'
import { botPrincipal } from '../../src/auth/principal.js'
import { feedbackCompany } from '../fixtures/feedback-company.js'
import { tinyCompany } from '../fixtures/tiny-company.js'
import { scriptedModel } from '../helpers/test-app.js'
import { postAs, secureApp, streamedText, tokenFor, uiEvents } from './identity-helpers.js'

// Issue 12, "Data scope per user": a scope on the token narrows every tool and route, and answers say so.
// Oracles: tinyCompany Q1 2026 — churned: c2 (South, 03-10) and c3 (North, 02-01).
// feedbackCompany Q2 2026 churners — East: f1, f2, f5, f7; West: f3, f4, f6, f8, f12.

const q1 = { from: '2026-01-01', to: '2026-04-01' }
const q2 = { from: '2026-04-01', to: '2026-07-01' }
const north = { region: ['North'] }
const east = { region: ['East'] }

/** Runs one scripted tool call as a scoped (or unscoped) widget user; returns the tool output the model got back and the answer. */
async function runTool(db: Awaited<ReturnType<typeof tinyCompany>>, tool: string, input: unknown, scope?: Record<string, string[]>) {
  const seen: unknown[][] = []
  const { app } = await secureApp(db, scriptedModel([{ tool, input }, { text: 'done' }], seen))
  const res = await app.request('/api/ask', postAs(await tokenFor('scoped-user', scope), { question: 'q' }))
  expect(res.status).toBe(200)
  const body = await res.json()
  const toolMsg = (seen[1] as Array<{ role: string; content: Array<{ output: { value: any } }> }>).at(-1)!
  return { body, output: toolMsg.content[0].output.value }
}

describe('scope on every tool', () => {
  it('query_metric: grouped by region only shows the scope; a filter outside it is refused', async () => {
    const all = await runTool(await tinyCompany(), 'query_metric', { metric: 'churned_customers', period: q1, by: ['region'] })
    expect(all.output.rows.map((r: any) => [r.region, r.value])).toEqual([['North', 1], ['South', 1]])
    const scoped = await runTool(await tinyCompany(), 'query_metric', { metric: 'churned_customers', period: q1, by: ['region'] }, north)
    expect(scoped.output.rows.map((r: any) => [r.region, r.value])).toEqual([['North', 1]])
    expect(scoped.output.headline.value).toBe(1)
    expect(scoped.output.where).toEqual({ region: ['North'] })
    expect(scoped.body.answer).toBe('done\n\nWithin your scope: North.')
    const outside = await runTool(await tinyCompany(), 'query_metric', { metric: 'churn_rate', period: q1, filters: [{ dimension: 'region', values: ['South'] }] }, north)
    expect(outside.output).toEqual({ error: { code: 'out_of_scope', message: 'Your access is limited to region: North; South is outside it.' } })
    expect(outside.body.toolCalls[0].sql).toEqual([])
  })

  it('a synonym inside the scope is allowed; a scope on a dimension the data lacks refuses everything', async () => {
    const zh = await runTool(await tinyCompany(), 'query_metric', { metric: 'churned_customers', period: q1, filters: [{ dimension: 'region', values: ['北区'] }] }, north)
    expect(zh.output.where).toEqual({ region: ['North'] })
    expect(zh.output.headline.value).toBe(1)
    const unknown = await runTool(await tinyCompany(), 'query_metric', { metric: 'churned_customers', period: q1 }, { planet: ['Mars'] })
    expect(unknown.output).toEqual({ error: { code: 'out_of_scope', message: 'Your access is limited to planet: Mars.' } })
  })

  it('churn_reasons counts only churners inside the scope', async () => {
    const all = await runTool(await feedbackCompany(), 'churn_reasons', { period: q2 })
    expect(all.output.churned).toBe(9)
    const scoped = await runTool(await feedbackCompany(), 'churn_reasons', { period: q2 }, east)
    expect(scoped.output.churned).toBe(4)
    expect(scoped.output.where).toEqual({ region: ['East'] })
  })

  it('search_feedback finds only feedback of customers inside the scope', async () => {
    const all = await runTool(await feedbackCompany(), 'search_feedback', { keywords: ['waiver'], period: q2 })
    const scoped = await runTool(await feedbackCompany(), 'search_feedback', { keywords: ['waiver'], period: q2 }, { region: ['West'] })
    // 'waiver' in Q2: f9 (West, 04-05) and f11 (East, 05-20)
    expect(all.output.total).toBe(2)
    expect(scoped.output.total).toBe(1)
    expect(scoped.output.items.map((i: any) => i.text)).toEqual(['fee_waiver requested for March'])
  })

  it('compare_segments: both segments stay inside the scope, including "everyone else"', async () => {
    const scoped = await runTool(await feedbackCompany(), 'compare_segments', { a: { status: 'churned' }, period: q2, measures: ['tenure_months'] }, east)
    // East in Q2: churned f1, f2, f5, f7; retained: f11 (came back 05-01) → f10 churned in Feb is not in the population
    expect([scoped.output.a.customers, scoped.output.b.customers]).toEqual([4, 1])
    const unscoped = await runTool(await feedbackCompany(), 'compare_segments', { a: { status: 'churned' }, period: q2, measures: ['tenure_months'] })
    expect([unscoped.output.a.customers, unscoped.output.b.customers]).toEqual([9, 2])
    // "East vs everyone else" inside an East scope has no one else: refused, not compared with outsiders
    const rest = await runTool(await feedbackCompany(), 'compare_segments', { a: { filters: [{ dimension: 'region', values: ['East'] }] }, period: q2 }, east)
    expect(rest.output.error.code).toBe('out_of_scope')
  })

  it('measure_summary summarises only customers inside the scope', async () => {
    const all = await runTool(await tinyCompany(), 'measure_summary', { measure: 'tenure_months', by: ['region'], period: q1 })
    expect(all.output.rows).toHaveLength(2)
    const scoped = await runTool(await tinyCompany(), 'measure_summary', { measure: 'tenure_months', by: ['region'], period: q1 }, north)
    expect(scoped.output.rows).toHaveLength(1)
    expect(JSON.stringify(scoped.output.rows)).toContain('North')
    expect(JSON.stringify(scoped.output.rows)).not.toContain('South')
    expect(scoped.output.where).toEqual({ region: ['North'] })
    expect(scoped.body.toolCalls[0].sql.join('\n')).toContain(`"c"."region" in ('North')`)
  })

  it('describe_data lists only the scope\'s values of a scoped dimension', async () => {
    const scoped = await runTool(await tinyCompany(), 'describe_data', {}, north)
    expect(scoped.output.dimensions.find((d: any) => d.id === 'region').values).toEqual(['North'])
    expect(scoped.output.dimensions.find((d: any) => d.id === 'plan').values.sort()).toEqual(['A', 'B'])
  })
})

describe('scope on routes and surfaces', () => {
  it('GET /api/metrics/:id narrows where= to the scope and refuses values outside it (403)', async () => {
    const { app } = await secureApp(await tinyCompany())
    const auth = { headers: { authorization: `Bearer ${await tokenFor('n', north)}` } }
    const res = await app.request('/api/metrics/churned_customers?by=region&from=2026-01-01&to=2026-04-01', auth)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.rows.map((r: any) => [r.segment.region, r.value])).toEqual([['North', 1]])
    expect(body.where).toEqual({ region: ['North'] })
    const outside = await app.request('/api/metrics/churn_rate?where=region=South', auth)
    expect(outside.status).toBe(403)
    expect(await outside.json()).toEqual({ error: { code: 'forbidden', message: 'Your access is limited to region: North; South is outside it.' } })
  })

  it('the offline analyst answers within an API token\'s scope, in Chinese with 范围', async () => {
    const { app, deps } = await secureApp(await tinyCompany())
    const token = await createApiToken(deps.db, 'north-report', north)
    const res = await app.request('/api/chat', postAs(token, { messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: '2026年第一季度按地区的流失率是多少？' }] }] }))
    const text = streamedText(await uiEvents(res))
    expect(text).toContain('North')
    expect(text).not.toContain('South')
    expect(text.endsWith('\n\n范围：North。')).toBe(true)
  })

  it('a chat-platform user gets the scope BOT_SCOPES gives them (user first, then the tenant)', () => {
    const config = loadConfig({ BOT_SCOPES: JSON.stringify({ 'slack:T1:U1': { region: ['North'] }, 'slack:T1:*': { region: ['South'] } }) })
    expect(botPrincipal('slack', 'T1', 'U1', config.botScopes)).toEqual({ id: 'slack:T1:U1', kind: 'bot', scope: { region: ['North'] } })
    expect(botPrincipal('slack', 'T1', 'U2', config.botScopes)).toEqual({ id: 'slack:T1:U2', kind: 'bot', scope: { region: ['South'] } })
    expect(botPrincipal('feishu', 'T1', 'U1', config.botScopes)).toEqual({ id: 'feishu:T1:U1', kind: 'bot' })
    expect(() => loadConfig({ BOT_SCOPES: '{"slack:T1:U1": "North"}' })).toThrow(/BOT_SCOPES: must be JSON like/)
    expect(() => loadConfig({ BOT_SCOPES: '{"T1:U1": {"region": ["North"]}}' })).toThrow(/BOT_SCOPES/)
  })

  it('refuses a widget token whose scope claim is malformed (401), never ignoring it', async () => {
    const { app } = await secureApp(await tinyCompany())
    const bad = await tokenFor('x', { region: [] as string[] })
    const res = await app.request('/api/ask', postAs(bad, { question: 'q' }))
    expect(res.status).toBe(401)
    expect((await res.json()).error.message).toBe('Sign-in required: token scope must look like {"region": ["APAC"]}')
  })
})
