import { describe, expect, it } from 'vitest'
import { parseSseEvent, readUIChunks } from '../../../../src/adapters/web/client/sse.js'
import { tinyCompany } from '../../../fixtures/tiny-company.js'
import { scriptedModel, testApp } from '../../../helpers/test-app.js'

/** A byte stream delivering `text` in pieces of `size` bytes (splits events and UTF-8 characters). */
function trickle(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let i = 0
  return new ReadableStream({ pull(c) { if (i >= bytes.length) c.close(); else { c.enqueue(bytes.slice(i, i + size)); i += size } } })
}

const collect = async (s: ReadableStream<Uint8Array>) => {
  const out: Array<Record<string, unknown>> = []
  for await (const c of readUIChunks(s)) out.push(c)
  return out
}

describe('UI message stream parser', () => {
  it('parses data lines, [DONE], comments and junk', () => {
    expect(parseSseEvent('data: {"type":"text-delta","id":"t","delta":"hi"}')).toEqual({ type: 'text-delta', id: 't', delta: 'hi' })
    expect(parseSseEvent('data:{"type":"finish"}')).toEqual({ type: 'finish' })
    expect(parseSseEvent('data: [DONE]')).toBe('done')
    expect(parseSseEvent(': keep-alive')).toBeNull()
    expect(parseSseEvent('data: {not json')).toBeNull()
    expect(parseSseEvent('data: [1,2]')).toBeNull()
  })

  it('reassembles events split across reads, including multi-byte Chinese characters', async () => {
    const text = 'data: {"type":"text-delta","id":"a","delta":"流失率上升"}\n\ndata: {"type":"finish"}\n\ndata: [DONE]\n\n'
    for (const size of [1, 3, 7, 1000]) {
      expect(await collect(trickle(text, size))).toEqual([{ type: 'text-delta', id: 'a', delta: '流失率上升' }, { type: 'finish' }])
    }
  })

  it('reads the real /api/chat stream: text, tool parts, chart and provenance', async () => {
    const model = scriptedModel([{ tool: 'query_metric', input: { metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, grain: 'month' } }, { text: 'Churn rose in February.' }])
    const { app } = await testApp(await tinyCompany(), model)
    const res = await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', parts: [{ type: 'text', text: 'monthly churn' }] }] }) })
    const chunks = await collect(res.body!)
    const types = chunks.map((c) => c.type)
    expect(types).toEqual(expect.arrayContaining(['data-conversation', 'tool-input-available', 'data-chart', 'data-provenance', 'tool-output-available', 'text-delta', 'finish']))
    expect(chunks.filter((c) => c.type === 'text-delta').map((c) => c.delta).join('')).toBe('Churn rose in February.')
    expect((chunks.find((c) => c.type === 'data-chart')!.data as { mermaid: string }).mermaid).toMatch(/^xychart-beta/)
  })
})
