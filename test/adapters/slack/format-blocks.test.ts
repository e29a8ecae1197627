import { describe, expect, it } from 'vitest'
import { chunkMrkdwn, formatAnswer, LIMITS } from '../../../src/adapters/slack/format-blocks.js'
import { tableAsCode, toMrkdwnParts } from '../../../src/adapters/slack/to-mrkdwn.js'

const url = 'https://churn.example.com/answers/abc#turn-1'
const call = { name: 'query_metric', input: {}, sql: ['select 1'], rowCount: 3, period: { from: '2026-01-01', to: '2026-04-01', label: '2026-Q1' }, definition: 'churn = subscription cancelled' }

describe('Markdown → mrkdwn', () => {
  it('converts emphasis, links, headings and bullets, and escapes only & < >', () => {
    const parts = toMrkdwnParts('## Churn by plan\n**Plan B** churned *most*: 5 < 7 & rising ~~fast~~.\n- see [the docs](https://x.example/a?b=1&c=2)\n* `a<b` stays code\n> note')
    expect(parts).toEqual([{ kind: 'text', text: '*Churn by plan*\n*Plan B* churned _most_: 5 &lt; 7 &amp; rising ~fast~.\n• see <https://x.example/a?b=1&amp;c=2|the docs>\n• `a&lt;b` stays code\n>note' }])
  })

  it('keeps code fences without a language and closes an unclosed one', () => {
    expect(toMrkdwnParts('```sql\nselect * from t where a > 1\n```')).toEqual([{ kind: 'text', text: '```\nselect * from t where a &gt; 1\n```' }])
    expect(toMrkdwnParts('```\nopen')).toEqual([{ kind: 'text', text: '```\nopen\n```' }])
  })

  it('lifts Markdown tables out as plain-text cells, and renders them as aligned code with CJK width', () => {
    const parts = toMrkdwnParts('Churn by region:\n\n| 地区 | Churn |\n|---|---:|\n| **北区** | 12.5% |\n| South | 3% |\n\nNorth leads.')
    expect(parts).toEqual([
      { kind: 'text', text: 'Churn by region:' },
      { kind: 'table', table: { header: ['地区', 'Churn'], rows: [['北区', '12.5%'], ['South', '3%']] } },
      { kind: 'text', text: 'North leads.' },
    ])
    expect(tableAsCode({ header: ['地区', 'Churn'], rows: [['北区', '12.5%'], ['South', '3%']] })).toBe('```\n地区   Churn\n-----  -----\n北区   12.5%\nSouth  3%\n```')
  })
})

describe('formatAnswer', () => {
  it('builds sections, one table block (numbers right-aligned), a context with period, definition and link, and a text fallback', () => {
    const answer = 'Q1 churn:\n\n| Plan | Churn |\n|---|---|\n| A | 50% |\n| B | 100% |\n\n| x | y |\n|---|---|\n| 1 | 2 |'
    const msg = formatAnswer({ answer, toolCalls: [call, call] }, { answerUrl: url, lang: 'en' })
    expect(msg.blocks.map((b) => b.type)).toEqual(['section', 'section', 'table', 'context'])
    expect(msg.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '```\nx  y\n-  -\n1  2\n```' } })
    expect(msg.blocks[2]).toEqual({
      type: 'table',
      rows: [['Plan', 'Churn'], ['A', '50%'], ['B', '100%']].map((r) => r.map((text) => ({ type: 'raw_text', text }))),
      column_settings: [{ align: 'left' }, { align: 'right' }],
    })
    expect(msg.blocks[3]).toEqual({ type: 'context', elements: [
      { type: 'mrkdwn', text: '*Period:* 2026-Q1' },
      { type: 'mrkdwn', text: '*Definition:* churn = subscription cancelled' },
      { type: 'mrkdwn', text: `<${url}|How was this computed?>` },
    ] })
    expect(msg.text.startsWith('Q1 churn:')).toBe(true)
    expect(msg.text).toContain('A     50%')
    expect(msg.text.endsWith(`<${url}|How was this computed?>`)).toBe(true)
  })

  it('labels the context in Chinese', () => {
    const msg = formatAnswer({ answer: '流失率为 **33.33%**。', toolCalls: [call] }, { answerUrl: url, lang: 'zh' })
    expect(msg.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '流失率为 *33.33%*。' } })
    expect(JSON.stringify(msg.blocks.at(-1))).toContain('*期间:* 2026-Q1')
    expect(JSON.stringify(msg.blocks.at(-1))).toContain(`<${url}|计算过程>`)
  })

  it('stays within Block Kit limits for a very long answer and says it was shortened', () => {
    const para = (i: number) => `Paragraph ${i}: ${'churn '.repeat(120)}`
    const msg = formatAnswer({ answer: Array.from({ length: 200 }, (_, i) => para(i)).join('\n\n'), toolCalls: [] }, { answerUrl: url, lang: 'en' })
    expect(msg.blocks.length).toBeLessThanOrEqual(LIMITS.blocks)
    for (const b of msg.blocks) if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionChars)
    expect(JSON.stringify(msg.blocks).length).toBeLessThan(13_000)
    expect(JSON.stringify(msg.blocks.at(-2))).toContain('The answer was shortened for Slack')
    expect(msg.text.length).toBeLessThan(LIMITS.fallbackChars + 200)
  })

  it('sends a table too big for the budget as code blocks instead of a table block', () => {
    const rows = Array.from({ length: 90 }, (_, i) => `| Segment number ${i} | ${i}.5% | ${i * 10} customers |`).join('\n')
    const msg = formatAnswer({ answer: `| Segment | Churn | Size |\n|---|---|---|\n${rows}`, toolCalls: [] }, { answerUrl: url, lang: 'en' })
    expect(msg.blocks.some((b) => b.type === 'table')).toBe(false)
    expect(msg.blocks[0].type === 'section' && msg.blocks[0].text.text.startsWith('```\nSegment            Churn  Size')).toBe(true)
    expect(JSON.stringify(msg.blocks).length).toBeLessThan(13_000)
  })

  it('splits long code blocks into sections that each open and close their fence', () => {
    const code = ['```', ...Array.from({ length: 300 }, (_, i) => `row ${i} ${'x'.repeat(20)}`), '```'].join('\n')
    const chunks = chunkMrkdwn(code, 3000)
    expect(chunks.length).toBe(3)
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3000)
      expect(c.startsWith('```\n')).toBe(true)
      expect(c.endsWith('\n```')).toBe(true)
    }
    expect(chunks.join('\n').match(/row \d+/g)).toHaveLength(300)
  })
})
