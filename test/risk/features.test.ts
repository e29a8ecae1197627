import { describe, expect, it } from 'vitest'
import { featuresAt } from '../../src/risk/features.js'
import { examplesAt, exampleSource } from '../../src/risk/examples.js'
import type { CustomerHistory, History } from '../../src/risk/load-history.js'

const has = { activity: true, tickets: true, nps: true }

function customer(id: string, plan: string, end: string | null = null): CustomerHistory {
  const activity = new Map<string, { logins: number; seats: number; keyUses: number }>()
  const mrr = new Map<string, number>()
  // Logins 40 a month until 2026-01, then 10: a 3-month fall before 2026-05-01.
  for (const [m, logins] of [['2025-08-01', 40], ['2025-09-01', 40], ['2025-10-01', 40], ['2025-11-01', 40], ['2025-12-01', 40], ['2026-01-01', 40], ['2026-02-01', 10], ['2026-03-01', 10], ['2026-04-01', 10]] as const) {
    activity.set(m, { logins, seats: 2, keyUses: 5 })
    mrr.set(m, m < '2026-03-01' ? 100 : 80)
  }
  return {
    id, name: `${id} Co`, signup: '2025-08-01', dims: { plan },
    spells: [{ start: '2025-08-01', end, reactivation: false }],
    activity, mrr,
    tickets: [{ opened: '2026-03-10', category: 'billing', hours: 48, resolved: '2026-03-12' }, { opened: '2026-04-28', category: 'bug', hours: 100, resolved: '2026-05-03' }],
    ratings: [{ date: '2026-02-01', source: 'nps', rating: 4 }],
    measures: {},
  }
}

describe('featuresAt', () => {
  it('computes each feature from rows before the date, by hand', () => {
    const f = featuresAt(customer('c1', 'A'), '2026-05-01', { has, measureNames: [] })
    expect(f.tenure_months).toBe(9)
    expect(f.new_customer).toBe(0)
    expect(f.log_mrr).toBeCloseTo(Math.log1p(80), 12)
    expect(f.mrr_change_3m).toBeCloseTo((80 - 100) / 100, 12) // April 80 vs January 100
    expect(f.contraction_3m).toBe(1)
    expect(f.logins_3m).toBeCloseTo(Math.log1p(10), 12)
    // Last 3 months 10 a month, the 6 before 40 a month.
    expect(f.login_trend).toBeCloseTo(Math.log(11 / 41), 12)
    expect(f.logins_per_seat).toBe(5)
    expect(f.tickets_3m).toBe(2)
    expect(f.billing_tickets_3m).toBe(1)
    // The bug ticket is resolved on 2026-05-03, after the date: open then, and its 100 h are not known yet.
    expect(f.open_tickets).toBe(1)
    expect(f.resolution_hours_6m).toBeCloseTo(Math.log1p(48), 12)
    expect(f.nps_last).toBe(4)
    expect(f.nps_detractor).toBe(1)
  })

  it('ignores everything dated on or after the prediction date (no leakage)', () => {
    const d = '2026-05-01'
    const before = featuresAt(customer('c1', 'A'), d, { has, measureNames: [] })
    const c = customer('c1', 'A', '2026-05-20')
    c.activity.set('2026-05-01', { logins: 0, seats: 0, keyUses: 0 })
    c.activity.set('2026-06-01', { logins: 999, seats: 9, keyUses: 99 })
    c.mrr.set('2026-05-01', 1)
    c.tickets.push({ opened: '2026-05-01', category: 'billing', hours: 900, resolved: '2026-06-08' }, { opened: '2026-05-02', category: 'outage', hours: 1, resolved: '2026-05-03' })
    c.ratings.push({ date: '2026-05-01', source: 'nps', rating: 0 }, { date: '2026-05-15', source: 'review', rating: 1 })
    expect(featuresAt(c, d, { has, measureNames: [] })).toEqual(before)
  })

  it('segment churn rates at a date come only from outcomes closed before it', () => {
    // 30 customers on plan A; changing who churns from the date on leaves every feature at the date unchanged.
    const build = (futureChurn: boolean): History => {
      const customers = new Map<string, CustomerHistory>()
      for (let i = 0; i < 30; i++) {
        const end = i < 3 ? '2026-02-15' : futureChurn && i < 20 ? '2026-05-10' : null
        customers.set(`c${i}`, customer(`c${i}`, i % 2 ? 'A' : 'B', end))
      }
      return { customers, sql: [], has, measureNames: [] }
    }
    const a = exampleSource(build(false), ['plan'], 'dated')('2026-05-01')
    const b = exampleSource(build(true), ['plan'], 'dated')('2026-05-01')
    expect(b.map((e) => e.raw)).toEqual(a.map((e) => e.raw))
    expect(b.reduce((s, e) => s + e.label, 0)).toBe(17)
    expect(a.reduce((s, e) => s + e.label, 0)).toBe(0)
    // Plan B held the 2 February churns (c0, c2) and plan A one (c1): B's recent rate is the higher.
    const segB = a.find((e) => e.dims.plan === 'B')!.raw['segrate:plan']
    const segA = a.find((e) => e.dims.plan === 'A')!.raw['segrate:plan']
    expect(segB).toBeGreaterThan(segA)
  })

  it('labels a customer 1 when the open spell ends within the month from the date', () => {
    const h: History = { customers: new Map([['a', customer('a', 'A', '2026-06-01')], ['b', customer('b', 'A', '2026-06-02')], ['c', customer('c', 'A', '2026-05-01')]]), sql: [], has, measureNames: [] }
    const ex = examplesAt(h, '2026-05-01')
    // c ended on the date itself: not active at it.
    expect(ex.map((e) => [e.customerId, e.label])).toEqual([['a', 1], ['b', 0]])
  })
})

describe('customerSample', () => {
  it('keeps a stable share of customers', async () => {
    const { customerSample } = await import('../../src/risk/examples.js')
    expect(customerSample(1)).toBeUndefined()
    const keep = customerSample(0.25)!
    const ids = Array.from({ length: 20000 }, (_, i) => `C${String(i).padStart(6, '0')}`)
    const kept = ids.filter(keep)
    expect(kept.length / ids.length).toBeGreaterThan(0.23)
    expect(kept.length / ids.length).toBeLessThan(0.27)
    expect(ids.filter(customerSample(0.25)!)).toEqual(kept)
  })
})
