import { describe, expect, it } from 'vitest'
import { nextRun } from '../../src/alerts/next-run.js'
import { startScheduler } from '../../src/alerts/scheduler.js'
import { fakeClock } from './fake-receivers.js'

describe('nextRun', () => {
  const at = (s: string) => new Date(s)
  it('hourly at :MM', () => {
    expect(nextRun({ every: 'hour', minute: 15 }, at('2026-11-02T10:20:00Z')).toISOString()).toBe('2026-11-02T11:15:00.000Z')
    expect(nextRun({ every: 'hour', minute: 15 }, at('2026-11-02T10:10:00Z')).toISOString()).toBe('2026-11-02T10:15:00.000Z')
  })
  it('daily at HH:MM, strictly after now', () => {
    expect(nextRun({ every: 'day', time: '08:00' }, at('2026-11-02T08:00:00Z')).toISOString()).toBe('2026-11-03T08:00:00.000Z')
    expect(nextRun({ every: 'day', time: '08:00' }, at('2026-11-02T07:59:00Z')).toISOString()).toBe('2026-11-02T08:00:00.000Z')
  })
  it('weekly on a weekday (2026-11-02 is a Monday)', () => {
    expect(nextRun({ every: 'week', day: 'mon', time: '09:00' }, at('2026-11-02T09:30:00Z')).toISOString()).toBe('2026-11-09T09:00:00.000Z')
    expect(nextRun({ every: 'week', day: 'fri', time: '09:00' }, at('2026-11-02T09:30:00Z')).toISOString()).toBe('2026-11-06T09:00:00.000Z')
  })
})

describe('startScheduler', () => {
  it('runs each job when the clock reaches it, reschedules it, and survives a failing job', async () => {
    const clock = fakeClock('2026-11-02T07:00:00Z')
    const runs: string[] = []
    const errors: string[] = []
    const s = startScheduler([
      { id: 'daily', schedule: { every: 'day', time: '08:00' }, run: async () => { runs.push(`daily@${clock.now().toISOString()}`) } },
      { id: 'broken', schedule: { every: 'day', time: '08:00' }, run: async () => { throw new Error('boom') } },
      { id: 'weekly', schedule: { every: 'week', day: 'wed', time: '08:00' }, run: async () => { runs.push(`weekly@${clock.now().toISOString()}`) } },
    ], clock, (job, e) => errors.push(`${job.id}: ${(e as Error).message}`))
    expect(s.next()).toEqual([
      { id: 'daily', at: '2026-11-02T08:00:00.000Z' },
      { id: 'broken', at: '2026-11-02T08:00:00.000Z' },
      { id: 'weekly', at: '2026-11-04T08:00:00.000Z' },
    ])
    clock.advance(30 * 60_000)
    expect(runs).toEqual([])
    const settle = async (n: number) => { for (let i = 0; i < 50 && runs.length + errors.length < n; i++) await new Promise((r) => setImmediate(r)) }
    clock.advance(30 * 60_000)
    await settle(2)
    expect(runs).toEqual(['daily@2026-11-02T08:00:00.000Z'])
    expect(errors).toEqual(['broken: boom'])
    clock.advance(48 * 3600_000)
    await settle(5)
    expect(runs).toEqual(['daily@2026-11-02T08:00:00.000Z', 'daily@2026-11-04T08:00:00.000Z', 'weekly@2026-11-04T08:00:00.000Z'])
    expect(s.next()[0]).toEqual({ id: 'daily', at: '2026-11-05T08:00:00.000Z' })
    s.stop()
    expect(clock.pending()).toBe(0)
  })
})
