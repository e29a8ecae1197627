import { describe, expect, it } from 'vitest'
import { ask } from '../../../src/chat/ask.js'
import { localPrincipal, botPrincipal } from '../../../src/auth/principal.js'
import { answerPageRoutes, answerUrl } from '../../../src/adapters/bot/answer-page.js'
import { tinyCompany } from '../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../helpers/test-app.js'

describe('GET /answers/:conversationId', () => {
  it('shows each question with its answer, SQL, period, definition and result rows, escaped', async () => {
    const model = scriptedModel([
      { tool: 'query_metric', input: { metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, grain: 'month' } },
      { text: 'Churn peaked at 33.33% <script>alert(1)</script>' },
    ])
    const { deps } = await testApp(await tinyCompany(), model)
    const r = await ask(deps.chat, { question: 'Q1 churn by month?', channel: 'slack', externalKey: 'slack:T1:C1:1.0', principal: botPrincipal('slack', 'T1', 'U1') })
    const page = answerPageRoutes(deps.chat)
    const res = await page.request(new URL(answerUrl('https://x.example/', r.conversationId, 1)).pathname)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await res.text()
    expect(html).toContain('<article id="turn-1"><h2>Q1 churn by month?</h2>')
    expect(html).toContain('Churn peaked at 33.33% &#60;script&#62;alert(1)&#60;/script&#62;')
    expect(html).not.toContain('<script>')
    expect(html).toContain('<dt>Period</dt><dd>2026-01-01 – 2026-03-31</dd>')
    expect(html).toMatch(/<h4>SQL<\/h4><pre>with &#34;spells&#34; as/)
    // The rows the answer used: Feb 2026, 1 of the 3 customers active at the start churned (1 new that month).
    expect(html).toContain('<tr><th>period</th><th>value</th><th>churned_from_start</th><th>active_start</th><th>churned</th><th>new</th></tr>')
    expect(html).toContain('<tr><td>2026-02</td><td>33.33</td><td>1</td><td>3</td><td>1</td><td>1</td></tr>')
  })

  it('answers 404 for unknown ids and for conversations that did not come from Slack', async () => {
    const { deps } = await testApp(await tinyCompany(), scriptedModel([{ text: 'web answer' }]))
    const web = await ask(deps.chat, { question: 'hi', channel: 'web', principal: localPrincipal })
    const page = answerPageRoutes(deps.chat)
    expect((await page.request(`/answers/${web.conversationId}`)).status).toBe(404)
    expect((await page.request('/answers/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })
})
