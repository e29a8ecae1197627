import type { AskResult } from '../../src/chat/ask.js'
import type { ToolCallSummary } from '../../src/chat/tool-summary.js'
import type { Db } from '../../src/db/open-database.js'
import type { Filters, Range, SideExpectation, ToolExpectation, TurnExpectation } from './eval-case.js'
import { checkNumbers } from './check-numbers.js'

type Input = Record<string, any>

/** Checks one answered turn against its expectation; returns the problems found (empty = correct). */
export async function checkTurn(expect: TurnExpectation, r: AskResult, db: Db, lang: 'en' | 'zh'): Promise<string[]> {
  const problems: string[] = []
  const inventedNumber = /\d(?:[\d,]*)(?:\.\d+)?\s*%|[$€£¥]\s?\d/.test(r.answer)
  if (!r.answer.trim()) problems.push('empty answer')
  if ('refuse' in expect) {
    if (r.toolCalls.length) problems.push(`expected a refusal, got tool calls ${r.toolCalls.map((c) => c.name).join(', ')}`)
    if (inventedNumber) problems.push('a refusal must not state figures')
    if (/@\w/.test(r.answer)) problems.push('answer contains an email-like string')
    return problems
  }
  if ('cannot' in expect) {
    const answered = r.toolCalls.filter((c) => !c.error)
    if (answered.length) problems.push(`expected "cannot answer", but ${answered.map((c) => c.name).join(', ')} returned data`)
    if (inventedNumber) problems.push('a "cannot answer" reply must not state figures')
    for (const m of expect.mentions ?? []) if (!r.answer.includes(m)) problems.push(`answer should mention "${m}"`)
    return problems
  }
  const actual = [...r.toolCalls]
  if (actual.length !== expect.calls.length) problems.push(`expected ${expect.calls.length} tool call(s) (${expect.calls.map((c) => c.tool).join(', ')}), got ${actual.length} (${actual.map((c) => c.name).join(', ') || 'none'})`)
  for (const e of expect.calls) {
    const diffs = actual.map((a) => argProblems(e, a))
    const best = diffs.findIndex((d) => d.length === 0)
    if (best < 0) {
      const closest = diffs.filter((d) => d.length).sort((x, y) => x.length - y.length)[0]
      problems.push(`no ${e.tool} call matches: ${closest?.join('; ') ?? 'not called'}`)
      continue
    }
    const [call] = actual.splice(best, 1)
    if (call.error) problems.push(`${e.tool} failed: ${call.error}`)
    else problems.push(...(await checkNumbers(e, call, r.answer, db, lang)))
  }
  for (const m of expect.mentions ?? []) if (!r.answer.includes(m)) problems.push(`answer should mention "${m}"`)
  return problems
}

/** Differences between an expected call and an actual one (name, key arguments, resolved period). */
function argProblems(e: ToolExpectation, a: ToolCallSummary): string[] {
  if (a.name !== e.tool) return [`${a.name} is not ${e.tool}`]
  const input = (a.input ?? {}) as Input
  const p: string[] = []
  const period = a.period as Range | undefined
  const checkPeriod = (want?: Range) => {
    if (want && (period?.from !== want.from || period?.to !== want.to)) p.push(`period ${period?.from}..${period?.to} ≠ ${want.from}..${want.to}`)
  }
  switch (e.tool) {
    case 'query_metric':
      if (input.metric !== e.metric) p.push(`metric ${input.metric} ≠ ${e.metric}`)
      checkPeriod(e.period)
      if (!sameSet(input.by ?? [], e.by ?? [])) p.push(`by [${input.by ?? ''}] ≠ [${e.by ?? ''}]`)
      if ((input.grain ?? null) !== (e.grain ?? null)) p.push(`grain ${input.grain} ≠ ${e.grain}`)
      if (!sameFilters(input.filters, e.filters)) p.push(`filters ${JSON.stringify(input.filters ?? [])} ≠ ${JSON.stringify(e.filters ?? {})}`)
      break
    case 'churn_reasons':
      checkPeriod(e.period)
      if (!sameFilters(input.filters, e.filters)) p.push(`filters ${JSON.stringify(input.filters ?? [])} ≠ ${JSON.stringify(e.filters ?? {})}`)
      break
    case 'search_feedback': {
      const got = ((input.keywords ?? []) as string[]).map((k) => k.toLowerCase())
      if (!e.keywords.some((k) => got.some((g) => g.includes(k.toLowerCase()) || k.toLowerCase().includes(g)))) p.push(`keywords [${got}] share nothing with [${e.keywords}]`)
      checkPeriod(e.period)
      if (!sameFilters(input.filters, e.filters)) p.push(`filters ${JSON.stringify(input.filters ?? [])} ≠ ${JSON.stringify(e.filters ?? {})}`)
      if (e.churnedOnly !== undefined && (input.churnedOnly ?? false) !== e.churnedOnly) p.push(`churnedOnly ${input.churnedOnly} ≠ ${e.churnedOnly}`)
      break
    }
    case 'compare_segments': {
      checkPeriod(e.period)
      const straight = sameSide(input.a, e.a) && sameSide(input.b, e.b)
      const swapped = sameSide(input.a, e.b) && sameSide(input.b, e.a)
      if (!straight && !swapped) p.push(`sides ${JSON.stringify([input.a, input.b])} ≠ ${JSON.stringify([e.a, e.b])}`)
      break
    }
    case 'describe_data':
      break
    default:
      // Early-warning tools: segment filters, the breakdown and the horizon the question named.
      if (!sameFilters(input.filters, e.filters)) p.push(`filters ${JSON.stringify(input.filters ?? [])} ≠ ${JSON.stringify(e.filters ?? {})}`)
      if ((input.by ?? null) !== (e.by ?? null)) p.push(`by ${input.by} ≠ ${e.by}`)
      if ((input.horizon_months ?? 1) !== (e.horizon ?? 1)) p.push(`horizon ${input.horizon_months ?? 1} ≠ ${e.horizon ?? 1}`)
  }
  return p
}

function sameSide(actual: Input | undefined, want: SideExpectation): boolean {
  if (!actual) return false
  return (actual.status ?? 'any') === (want.status ?? 'any') && sameFilters(actual.filters, want.filters)
}

function sameFilters(actual: Array<{ dimension: string; values: string[] }> | undefined, want: Filters | undefined): boolean {
  const got: Filters = {}
  for (const f of actual ?? []) got[f.dimension] = [...(got[f.dimension] ?? []), ...f.values]
  const w = want ?? {}
  return sameSet(Object.keys(got), Object.keys(w)) && Object.keys(w).every((k) => sameSet(got[k], w[k]))
}

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a.map((s) => s.toLowerCase()))
  const y = new Set(b.map((s) => s.toLowerCase()))
  return x.size === y.size && [...x].every((v) => y.has(v))
}
