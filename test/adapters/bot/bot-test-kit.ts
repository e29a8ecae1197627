import type { ChartSpec } from '../../../src/chart/chart-spec.js'
import type { ChartRenderer } from '../../../src/chart/chart-renderer.js'

/** Bytes the stub renderer "renders": a PNG signature and a marker, enough to follow the upload. */
export const STUB_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('stub-chart')])

/** A renderer that needs no fonts and records the specs it was given. */
export function stubRenderer(): ChartRenderer & { specs: ChartSpec[] } {
  const specs: ChartSpec[] = []
  return { specs, render: async (spec) => { specs.push(spec); return STUB_PNG }, close: async () => {} }
}

/** Scripted steps for a monthly churn question in Q1 2026 over the tiny company (hand-checked: 0%, 33.33%, 33.33%). */
export function q1ChurnSteps(lang: 'en' | 'zh', text: string) {
  return [
    { tool: 'query_metric', input: { metric: 'churn_rate', period: { from: '2026-01-01', to: '2026-04-01' }, grain: 'month', language: lang } },
    { text },
  ]
}

/** A long answer: numbered paragraphs of Chinese and English, about `chars` characters in all. */
export function longAnswer(chars: number): string {
  const parts: string[] = []
  for (let i = 1; parts.join('\n\n').length < chars; i++) parts.push(`Paragraph ${i}: 第${i}段，流失率 ${i}.0%。 ${'The churn rate moved with price changes. '.repeat(4)}`)
  return parts.join('\n\n')
}

/** The median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
