import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createApiToken, listApiTokens, revokeApiToken } from '../../src/auth/api-tokens.js'
import { signAnswerLink } from '../../src/auth/answer-link.js'
import { botPrincipal } from '../../src/auth/principal.js'
import { ask } from '../../src/chat/ask.js'
import { answerUrl } from '../../src/adapters/bot/answer-page.js'
import { tinyCompany } from '../fixtures/tiny-company.js'
import { feedbackCompany } from '../fixtures/feedback-company.js'
import { postAs, secureApp, SECRET, tokenFor, uiEvents } from './identity-helpers.js'

// Issue 12, finding 2: conversations have owners; ids are the server's; API tokens; the /answers page.

const notFound = { error: { code: 'not_found', message: 'No conversation with this id for you; leave the id out to start a new conversation.' } }
const chatMsg = (text: string, extra: Record<string, unknown> = {}) => ({ ...extra, messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text }] }] })

describe('conversations belong to their principal', () => {
  it("user B cannot read or continue user A's conversation (404 on /api/ask and /api/chat); A still can", async () => {
    const { app } = await secureApp(await tinyCompany())
    const alice = await tokenFor('alice@example.com')
    const bob = await tokenFor('bob@example.com')
    const a = await (await app.request('/api/ask', postAs(alice, { question: 'What was the churn rate in Q1 2026?' }))).json()
    expect(a.conversationId).toMatch(/^[0-9a-f-]{36}$/)

    const viaAsk = await app.request('/api/ask', postAs(bob, { question: 'and by plan?', conversationId: a.conversationId }))
    expect(viaAsk.status).toBe(404)
    expect(await viaAsk.json()).toEqual(notFound)
    const viaChat = await app.request('/api/chat', postAs(bob, chatMsg('and by plan?', { id: a.conversationId })))
    expect(viaChat.status).toBe(404)
    expect(await viaChat.json()).toEqual(notFound)

    const again = await app.request('/api/ask', postAs(alice, { question: 'and by plan?', conversationId: a.conversationId }))
    expect(again.status).toBe(200)
    expect((await again.json()).conversationId).toBe(a.conversationId)
  })

  it('a client cannot choose a new conversation id: an unknown id is 404 (zh message for a Chinese question); none gets a server id', async () => {
    const { app, deps } = await secureApp(await tinyCompany())
    const alice = await tokenFor('alice')
    const chosen = await app.request('/api/ask', postAs(alice, { question: '上个季度的流失率是多少？', conversationId: 'my-own-id' }))
    expect(chosen.status).toBe(404)
    expect(await chosen.json()).toEqual({ error: { code: 'not_found', message: '没有找到属于您的这个对话；不带对话编号即可开始新对话。' } })
    const viaChat = await app.request('/api/chat', postAs(alice, chatMsg('hello', { id: 'chat-1' })))
    expect(viaChat.status).toBe(404)
    expect(await deps.db.selectFrom('conversations').select('id').execute()).toEqual([])
    const fresh = await app.request('/api/chat', postAs(alice, chatMsg('What was the churn rate in Q1 2026?')))
    const id = fresh.headers.get('x-conversation-id')!
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/)
    const events = await uiEvents(fresh)
    expect(events.find((e) => e.type === 'data-conversation')?.data).toEqual({ id })
    expect(await deps.db.selectFrom('conversations').select(['id', 'owner', 'channel']).execute()).toEqual([{ id, owner: 'widget:alice', channel: 'web' }])
  })

  it("a widget user cannot write into a Slack thread's conversation", async () => {
    const { app, deps } = await secureApp(await tinyCompany())
    const slack = await ask(deps.chat, { question: 'What was the churn rate in Q1 2026?', channel: 'slack', externalKey: 'slack:T1:C1:1.0', principal: botPrincipal('slack', 'T1', 'U1') })
    const res = await app.request('/api/ask', postAs(await tokenFor('mallory'), { question: 'ignore that', conversationId: slack.conversationId }))
    expect(res.status).toBe(404)
    const count = await deps.db.selectFrom('answers').select((eb) => eb.fn.countAll<number>().as('n')).where('conversation_id', '=', slack.conversationId).executeTakeFirst()
    expect(Number(count?.n)).toBe(1)
    // another person in the same workspace and thread continues it; another workspace cannot
    const teammate = await ask(deps.chat, { question: 'and by plan?', channel: 'slack', externalKey: 'slack:T1:C1:1.0', principal: botPrincipal('slack', 'T1', 'U2') })
    expect(teammate.conversationId).toBe(slack.conversationId)
    await expect(ask(deps.chat, { question: 'x', conversationId: slack.conversationId, principal: botPrincipal('slack', 'T9', 'U1') })).rejects.toMatchObject({ code: 'not_found', status: 404 })
  })
})

describe('named API tokens', () => {
  it('are stored as sha-256 only, accepted on /api/*, own their conversations, and stop working when revoked', async () => {
    const { app, deps } = await secureApp(await tinyCompany())
    const token = await createApiToken(deps.db, 'etl-job')
    expect(token).toMatch(/^cit_[A-Za-z0-9_-]{43}$/)
    const [row] = await deps.db.selectFrom('api_tokens').selectAll().execute()
    expect(row.hash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(JSON.stringify(row)).not.toContain(token)
    expect((await listApiTokens(deps.db)).map((t) => [t.name, t.scope, t.revokedAt])).toEqual([['etl-job', null, null]])

    const res = await app.request('/api/ask', postAs(token, { question: 'What was the churn rate in Q1 2026?' }))
    expect(res.status).toBe(200)
    const { conversationId } = await res.json()
    expect((await deps.db.selectFrom('conversations').select('owner').where('id', '=', conversationId).executeTakeFirst())?.owner).toBe('token:etl-job')
    // a widget user with the same name is someone else
    expect((await app.request('/api/ask', postAs(await tokenFor('etl-job'), { question: 'x', conversationId }))).status).toBe(404)

    expect(await revokeApiToken(deps.db, 'etl-job')).toBe(true)
    const revoked = await app.request('/api/ask', postAs(token, { question: 'x' }))
    expect(revoked.status).toBe(401)
    expect(await revoked.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign-in required: API token is unknown or revoked' } })
    const guessed = await app.request('/api/ask', postAs(`cit_${'A'.repeat(43)}`, { question: 'x' }))
    expect(guessed.status).toBe(401)
  })
})

describe('GET /answers/:id', () => {
  async function slackAnswer() {
    const db = await feedbackCompany()
    await db.insertInto('feedback').values({ customer_id: 'f3', date: '2026-05-07', source: 'exit_interview', rating: null, language: 'en', text: 'Servers keep crashing, call me on +44 20 7946 0958 or mail ops@f3corp.com' }).execute()
    const t = await secureApp(db, undefined, { PUBLIC_URL: 'https://churn.example.com' })
    const r = await ask(t.deps.chat, { question: 'Find feedback mentioning crashing', channel: 'slack', externalKey: 'slack:T1:C1:2.0', principal: botPrincipal('slack', 'T1', 'U1') })
    return { ...t, id: r.conversationId }
  }

  it('needs a signed link: none, a tampered or an expired one is 401; a valid one shows no customer rows and masks personal data', async () => {
    const { app, id, deps } = await slackAnswer()
    const bare = await app.request(`/answers/${id}`)
    expect(bare.status).toBe(401)
    expect(await bare.text()).toContain('This link has expired or is not valid.')
    const link = new URL(answerUrl('https://churn.example.com', id, 1, { secret: SECRET, audience: 'churn-insight', linkHours: 24 }))
    expect(link.searchParams.get('exp')).toMatch(/^\d+$/)
    const tampered = new URL(link)
    tampered.searchParams.set('exp', String(Number(link.searchParams.get('exp')) + 3600))
    expect((await app.request(tampered.pathname + tampered.search)).status).toBe(401)
    const old = signAnswerLink(SECRET, id, 1, Date.now() - 2 * 3600_000)
    expect((await app.request(`/answers/${id}?exp=${old.exp}&sig=${old.sig}`)).status).toBe(401)
    // a link for one conversation does not open another
    const other = await ask(deps.chat, { question: 'What was the churn rate in Q2 2026?', channel: 'slack', externalKey: 'slack:T1:C1:3.0', principal: botPrincipal('slack', 'T1', 'U1') })
    expect((await app.request(`/answers/${other.conversationId}${link.search}`)).status).toBe(401)

    const ok = await app.request(link.pathname + link.search)
    expect(ok.status).toBe(200)
    const html = await ok.text()
    expect(html).toContain('<h3>search_feedback</h3>')
    expect(html).not.toMatch(/\bf3\b|customerId|customer-[0-9a-f]{8}/)
    expect(html).not.toContain('ops@f3corp.com')
    expect(html).not.toContain('7946')
    // the quote is there, masked
    expect(html).toContain('Servers keep crashing, call me on [phone] or mail [email]')
  })

  it("refuses the chat's sign-in of principals who do not own the conversation (an API token, a widget user)", async () => {
    const { app, deps } = await secureApp(await tinyCompany())
    const token = await createApiToken(deps.db, 'slack-reader')
    const r = await ask(deps.chat, { question: 'What was the churn rate in Q1 2026?', channel: 'slack', externalKey: 'slack:T1:C1:4.0', principal: botPrincipal('slack', 'T1', 'U1') })
    expect((await app.request(`/answers/${r.conversationId}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    expect((await app.request(`/answers/${r.conversationId}`, { headers: { authorization: `Bearer ${await tokenFor('alice')}` } })).status).toBe(401)
  })
})
