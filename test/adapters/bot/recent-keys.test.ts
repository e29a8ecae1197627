import { describe, expect, it } from 'vitest'
import { KeyedQueue } from '../../../src/adapters/bot/background.js'
import { RecentKeys } from '../../../src/adapters/bot/recent-keys.js'
import { cleanSlackText } from '../../../src/adapters/slack/read-event.js'

describe('RecentKeys (retry dedupe)', () => {
  it('reports a key seen within the TTL, forgets it after, and caps memory', () => {
    const keys = new RecentKeys(1000, 3)
    expect(keys.checkAndAdd(['event:Ev1', 'msg:C1:1.0'], 0)).toBe(false)
    expect(keys.checkAndAdd(['event:Ev2', 'msg:C1:1.0'], 500)).toBe(true) // same message, another event type
    expect(keys.checkAndAdd(['event:Ev1'], 999)).toBe(true)
    expect(keys.checkAndAdd(['event:Ev1'], 2000)).toBe(false)
    for (const k of ['a', 'b', 'c', 'd']) keys.checkAndAdd([k], 2100)
    expect(keys.checkAndAdd(['a'], 2100)).toBe(false) // evicted: only the newest 3 are kept
  })
})

describe('KeyedQueue (one answer at a time per thread)', () => {
  it('runs tasks with the same key in order and others concurrently', async () => {
    const q = new KeyedQueue()
    const log: string[] = []
    const task = (name: string, ms: number) => () => new Promise<void>((r) => setTimeout(() => { log.push(name); r() }, ms))
    await Promise.all([q.run('t1', task('t1-first', 30)), q.run('t1', task('t1-second', 1)), q.run('t2', task('t2', 5))])
    expect(log).toEqual(['t2', 't1-first', 't1-second'])
  })
})

describe('cleanSlackText', () => {
  it("drops the bot's mention, keeps other people's, resolves links and unescapes", () => {
    expect(cleanSlackText('<@UBOT> churn for <@U2|ann> in <#C9|sales>? see <https://x.example|docs> &lt;Q1&gt; &amp; Q2', ['UBOT'])).toBe('churn for @ann in #sales? see docs <Q1> & Q2')
  })
})
