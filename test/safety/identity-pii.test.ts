import { describe, expect, it } from 'vitest'
import { feedbackCompany } from '../fixtures/feedback-company.js'
import { scriptedModel } from '../helpers/test-app.js'
import { postAs, secureApp, tokenFor } from './identity-helpers.js'

// Issue 12, finding 3: personal data in feedback is masked in answers, in what goes to the model,
// in the stored conversation and on pages, in English and Chinese, unless PII=show.

const EN = 'Servers keep crashing. Call me on +1 (555) 123-4567 or jane.doe@f3corp.com, card 4111 1111 1111 1111'
const ZH = '服务器经常宕机，请联系我13812345678，身份证号110101199003071234，我叫王小明。'
const EN_MASKED = 'Servers keep crashing. Call me on [phone] or [email], card [card number]'
const ZH_MASKED = '服务器经常宕机，请联系我[phone]，身份证号[ID number]，我叫[姓名]。'
const RAW = ['555) 123-4567', 'jane.doe@f3corp.com', '4111 1111 1111 1111', '13812345678', '110101199003071234', '王小明']

async function companyWithPii() {
  const db = await feedbackCompany()
  await db.insertInto('feedback').values([
    { customer_id: 'f3', date: '2026-05-07', source: 'exit_interview', rating: null, language: 'en', text: EN },
    { customer_id: 'f4', date: '2026-05-16', source: 'exit_interview', rating: null, language: 'zh', text: ZH },
  ]).execute()
  return db
}

const expectNoRaw = (s: string) => { for (const r of RAW) expect(s).not.toContain(r) }

describe('masked by default', () => {
  it('English: the offline answer quotes the feedback masked; the stored conversation holds no raw values', async () => {
    const { app, deps } = await secureApp(await companyWithPii())
    const res = await app.request('/api/ask', postAs(await tokenFor('a'), { question: 'Find feedback mentioning crashing' }))
    const body = await res.json()
    expect(body.answer).toContain(`“${EN_MASKED}” (exit interview, 2026-05-07)`)
    expectNoRaw(JSON.stringify(body))
    const stored = await deps.db.selectFrom('messages').select('content').execute()
    expect(stored.length).toBeGreaterThan(2)
    expectNoRaw(JSON.stringify(stored))
    expectNoRaw(JSON.stringify(await deps.db.selectFrom('answers').selectAll().execute()))
  })

  it('Chinese: mobile number, ID-card number and a self-given name are masked in the answer', async () => {
    const { app } = await secureApp(await companyWithPii())
    const body = await (await app.request('/api/ask', postAs(await tokenFor('a'), { question: '查找提到宕机的反馈' }))).json()
    expect(body.answer).toContain(`“${ZH_MASKED}”（流失客户访谈，2026-05-16）`)
    expect(body.answer).toContain(`“${EN_MASKED}”`)
    expectNoRaw(JSON.stringify(body))
  })

  it('what goes to the model: tool results and the question are masked; customer ids are pseudonyms', async () => {
    const seen: unknown[][] = []
    const model = scriptedModel([{ tool: 'search_feedback', input: { keywords: ['宕机', 'crashing'] } }, { text: 'Customers mention crashes.' }], seen)
    const { app } = await secureApp(await companyWithPii(), model)
    await app.request('/api/ask', postAs(await tokenFor('a'), { question: 'My number is 13900001111 — what do people say about crashes?' }))
    const sent = JSON.stringify(seen)
    expectNoRaw(sent)
    expect(sent).not.toContain('13900001111')
    expect(sent).toContain('My number is [phone]')
    expect(sent).toContain(EN_MASKED.replace(/"/g, '\\"'))
    expect(sent).toContain(ZH_MASKED)
    expect(sent).not.toMatch(/"customerId":"f\d+"/)
    expect(sent).toMatch(/"customerId":"customer-[0-9a-f]{8}"/)
  })

  it('the refusal\'s promise holds: churn_reasons quotes are anonymised too', async () => {
    const seen: unknown[][] = []
    const model = scriptedModel([{ tool: 'churn_reasons', input: { period: { from: '2026-04-01', to: '2026-07-01' }, source: 'all_feedback' } }, { text: 'ok' }], seen)
    const { app } = await secureApp(await companyWithPii(), model)
    const body = await (await app.request('/api/ask', postAs(await tokenFor('a'), { question: 'What is feedback about?' }))).json()
    expect(body.toolCalls[0].rowCount).toBeGreaterThan(0)
    const sent = JSON.stringify(seen)
    expectNoRaw(sent)
    expect(sent).toMatch(/\[phone\]|\[email\]|\[ID number\]/)
  })
})

describe('PII=show', () => {
  it('shows the feedback as written', async () => {
    const { app } = await secureApp(await companyWithPii(), undefined, { PII: 'show' })
    const body = await (await app.request('/api/ask', postAs(await tokenFor('a'), { question: '查找提到宕机的反馈' }))).json()
    expect(body.answer).toContain(`“${ZH}”`)
    expect(body.answer).toContain(`“${EN}”`)
  })
})
