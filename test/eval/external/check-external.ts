import type { Truth, TruthFigure } from './external-set.js'

/**
 * Numbers stated in an answer, read the way a person reads them: thousands separators dropped,
 * "139.1k" / "1.2M" / "13.9万" expanded; ISO dates and period labels removed first.
 */
export function statedNumbers(answer: string): number[] {
  const cleaned = answer.replace(/\d{4}-\d{2}-\d{2}|\d{4}-Q\d|\d{4}-\d{2}\b|\b[QMH]\d+\b|第\d+月|p [<=] [\d.e-]+/g, ' ')
  const out: number[] = []
  for (const m of cleaned.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(k|K|M|万|亿)?/g)) {
    const base = Number(m[1].replace(/,/g, ''))
    const scale = { k: 1e3, K: 1e3, M: 1e6, 万: 1e4, 亿: 1e8 }[m[2] ?? ''] ?? 1
    out.push(base, base * scale)
  }
  return out
}

// How far a stated number may be from the truth: percent points are shown to one decimal, means to
// one or two decimals, money may be rounded to the unit or abbreviated.
function matches(f: TruthFigure, n: number): boolean {
  const v = Math.abs(f.value)
  switch (f.unit) {
    case 'percent': return Math.abs(n - v) <= 0.15
    case 'count': return Math.abs(n - v) <= 0.5
    case 'currency': return Math.abs(n - v) <= Math.max(0.51, v * 0.005)
    case 'number': return Math.abs(n - v) <= Math.max(0.051, v * 0.01)
  }
}

const cannotWords = /cannot|can't|can not|could not|couldn't|not able|unable|no data|does not (?:have|hold|contain|cover|record|include)|doesn't (?:have|hold|contain|cover|record)|has no|holds no|no such|not in (?:this|the) data|only (?:observes|covers|holds|has)|无法|不能|找不到|没有|不包含|未包含|只有|仅|不支持|不涉及/i
const figureLike = /\d(?:[\d,]*)(?:\.\d+)?\s*%|[$€£¥]\s?\d/

/** Problems with one answer against its truth (empty = correct). */
export function checkExternalTurn(truthKey: string, truth: Truth | undefined, answer: string): string[] {
  const problems: string[] = []
  if (!answer.trim()) return ['empty answer']
  if (truthKey === 'cannot') {
    if (figureLike.test(answer)) problems.push('a "cannot answer" reply must not state figures')
    if (!cannotWords.test(answer)) problems.push('does not say the data cannot answer')
    return problems
  }
  if (!truth) return [`no truth for key "${truthKey}"`]
  const shown = statedNumbers(answer)
  for (const f of truth.figures ?? []) {
    if (!shown.some((n) => matches(f, n))) problems.push(`${f.label} = ${f.value} (${f.unit}) not in the answer`)
  }
  const lower = answer.toLowerCase()
  for (const group of truth.mentions ?? []) {
    if (!group.some((w) => lower.includes(w.toLowerCase()))) problems.push(`none of [${group.join(', ')}] mentioned`)
  }
  return problems
}
