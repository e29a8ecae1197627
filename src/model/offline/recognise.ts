import type { Lexicon, Sense } from './lexicon.js'
import { toSurface, type Surface, type Token } from './segment-zh.js'

/** A lexicon phrase found in the question, with its meanings and where it sits. */
export type Mention = { start: number; end: number; key: string; cased: string; senses: Sense[] }

/** What the lexicon recognised, and the words it did not (candidate topics or unknown terms). */
export type Recognised = { surface: Surface; mentions: Mention[]; unknown: Token[] }

/**
 * Matches lexicon phrases over the segmenter's words: a phrase must start and end on word
 * boundaries, and of all ways to cover the question the one with the fewest pieces wins (so
 * 客户|流失了多少 beats 客户流失|了|多少, and "north america" is one value, not two words).
 * Chinese runs left uncovered (where the segmenter cut across a phrase, as in 各地区 → 各地|区)
 * are then scanned for dictionary phrases of two or more characters.
 */
export function recognise(cased: string, lex: Lexicon): Recognised {
  const surface = toSurface(cased)
  const { tokens, text } = surface
  const mentions: Mention[] = []
  const uncovered: Token[] = []
  const path = bestCover(surface, lex)
  for (let i = 0; i < tokens.length; ) {
    const m = path[i]
    if (m) {
      mentions.push(m.mention)
      i = m.next
    } else {
      uncovered.push(tokens[i])
      i++
    }
  }
  const unknown: Token[] = []
  for (const run of cjkRuns(uncovered)) {
    const inner = scanRun(text, surface.cased, run, lex)
    mentions.push(...inner.mentions)
    unknown.push(...inner.rest)
  }
  unknown.push(...uncovered.filter((t) => !t.cjk))
  mentions.sort((a, b) => a.start - b.start)
  for (const m of splitCompounds(unknown, mentions, lex)) {
    mentions.push(m)
    unknown.splice(unknown.findIndex((t) => t.start === m.start), 1)
  }
  mentions.sort((a, b) => a.start - b.start)
  return { surface, mentions, unknown }
}

type Step = { mention: Mention; next: number } | null

// Dynamic programming over the word lattice: fewest pieces, then fewest unrecognised words, then the longer first phrase.
function bestCover(s: Surface, lex: Lexicon): Step[] {
  const n = s.tokens.length
  const cost: Array<{ pieces: number; unknown: number }> = Array.from({ length: n + 1 }, () => ({ pieces: 0, unknown: 0 }))
  const choice: Step[] = Array(n).fill(null)
  for (let i = n - 1; i >= 0; i--) {
    let best = { pieces: cost[i + 1].pieces + 1, unknown: cost[i + 1].unknown + 1 }
    let pick: Step = null
    for (let j = n - 1; j >= i; j--) {
      const mention = phraseAt(s, lex, i, j)
      if (!mention) continue
      const c = { pieces: cost[j + 1].pieces + 1, unknown: cost[j + 1].unknown }
      if (c.pieces < best.pieces || (c.pieces === best.pieces && c.unknown < best.unknown)) {
        best = c
        pick = { mention, next: j + 1 }
      }
    }
    cost[i] = best
    choice[i] = pick
  }
  return choice
}

function phraseAt(s: Surface, lex: Lexicon, i: number, j: number): Mention | undefined {
  const start = s.tokens[i].start
  const end = s.tokens[j].end
  if (end - start > lex.maxKeyLength) return undefined
  const key = s.text.slice(start, end)
  const cased = s.cased.slice(start, end)
  const senses = lex.entries.get(key)?.filter((x) => x.kind !== 'value' || ((!x.cased || cased === x.cased) && (!x.upper || cased === cased.toUpperCase())))
  return senses?.length ? { start, end, key, cased, senses } : undefined
}

/** Consecutive uncovered Chinese tokens, as runs. */
function cjkRuns(tokens: Token[]): Token[][] {
  const runs: Token[][] = []
  for (const t of tokens) {
    if (!t.cjk) continue
    const last = runs.at(-1)
    if (last && last.at(-1)!.end === t.start) last.push(t)
    else runs.push([t])
  }
  return runs
}

// Dictionary maximum matching inside one uncovered run; the words (or parts of words) left over become unknown tokens.
function scanRun(text: string, cased: string, run: Token[], lex: Lexicon): { mentions: Mention[]; rest: Token[] } {
  const to = run.at(-1)!.end
  const mentions: Mention[] = []
  for (let p = run[0].start; p < to; ) {
    let hit: Mention | undefined
    for (let e = Math.min(to, p + lex.maxKeyLength); e >= p + 2; e--) {
      const senses = lex.entries.get(text.slice(p, e))
      if (senses?.length) {
        hit = { start: p, end: e, key: text.slice(p, e), cased: cased.slice(p, e), senses }
        break
      }
    }
    if (hit) mentions.push(hit)
    p = hit ? hit.end : p + 1
  }
  const rest: Token[] = []
  for (const t of run) {
    let from = t.start
    for (const m of mentions.filter((x) => x.end > t.start && x.start < t.end)) {
      if (m.start > from) rest.push(piece(text, cased, from, m.start))
      from = Math.max(from, m.end)
    }
    if (from < t.end) rest.push(piece(text, cased, from, t.end))
  }
  return { mentions, rest }
}

function piece(text: string, cased: string, start: number, end: number): Token {
  return { text: text.slice(start, end), cased: cased.slice(start, end), start, end, cjk: true }
}

const heads = new Set(['客户', '用户', '会员', '顾客', '账户'])

/**
 * Chinese puts counts between a verb and its noun: "挽回了多少客户" is 挽回客户 with 了多少 inside.
 * An unknown word followed within three words by 客户/用户 is read as the compound when the lexicon has it.
 */
function splitCompounds(unknown: Token[], mentions: Mention[], lex: Lexicon): Mention[] {
  const out: Mention[] = []
  for (const t of unknown) {
    if (!t.cjk) continue
    const head = mentions.filter((m) => m.start >= t.end).slice(0, 3).find((m) => heads.has(m.key))
    const senses = head && lex.entries.get(t.text + head.key)
    if (senses) out.push({ start: t.start, end: t.end, key: t.text + head.key, cased: t.cased, senses })
  }
  return out
}
