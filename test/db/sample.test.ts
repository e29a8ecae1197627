import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reasonIds, reasons } from '../../src/catalog/reasons.js'
import { loadDimensions } from '../../src/db/dimension-store.js'
import { readMeta } from '../../src/db/meta.js'
import { openDatabase, type Db } from '../../src/db/open-database.js'
import { generateSampleCompany, type GenerateResult } from '../../src/db/sample/generate-sample-company.js'

// One default sample (5,000 customers, seed 42) shared by every test in this file.
let db: Db
let result: GenerateResult
const progress: Array<[string, number, number]> = []

beforeAll(async () => {
  db = await openDatabase(':memory:')
  result = await generateSampleCompany(db, { onProgress: (phase, done, total) => progress.push([phase, done, total]) })
})
afterAll(async () => {
  await db?.destroy()
})

async function all<T = Record<string, unknown>>(db: Db, text: string): Promise<T[]> {
  return (await sql.raw<T>(text).execute(db)).rows
}
async function one(text: string): Promise<number> {
  const [row] = await all<Record<string, unknown>>(db, text)
  return Number(Object.values(row)[0])
}

/**
 * Monthly logo churn over the months in [from, to): spells ending in each month divided by
 * spells active at the month's start, summed over the months. `where` filters the customer
 * (alias c) or its contract attribute (alias a).
 */
async function churnRate(where: string, from: string, to: string): Promise<number> {
  const spells = `subscriptions s join customers c on c.id = s.customer_id
    left join customer_attributes a on a.customer_id = c.id and a.dimension = 'contract'`
  return one(`
    with recursive m(d) as (select '${from}' union all select date(d, '+1 month') from m where date(d, '+1 month') < '${to}')
    select 1.0 * sum((select count(*) from ${spells} where s.end_date >= m.d and s.end_date < date(m.d, '+1 month') and ${where}))
         / sum((select count(*) from ${spells} where s.start_date < m.d and (s.end_date is null or s.end_date >= m.d) and ${where}))
    from m`)
}

/** Churn reasons of spells that ended in [from, to) for customers matching `where`, most common first. */
async function topReasons(where: string, from: string, to: string): Promise<Array<{ reason_code: string; n: number }>> {
  return all(db, `select reason_code, count(*) n from subscriptions s join customers c on c.id = s.customer_id
    where s.end_date >= '${from}' and s.end_date < '${to}' and ${where} group by 1 order by 2 desc, 1`)
}

/** A hash of every generated row, in a stable order. */
async function fingerprint(target: Db): Promise<string> {
  const hash = createHash('sha256')
  for (const [table, order] of [
    ['customers', 'id'], ['customer_attributes', 'customer_id, dimension'], ['subscriptions', 'id'], ['mrr_history', 'customer_id, month'],
    ['activity', 'customer_id, month'], ['tickets', 'id'], ['feedback', 'id'], ['dimensions', 'position'], ['meta', 'key'],
  ]) hash.update(JSON.stringify(await all(target, `select * from ${table} order by ${order}`)))
  return hash.digest('hex')
}

describe('generateSampleCompany: headline figures (seed 42, documented in data/README.md)', () => {
  it('returns the row counts it wrote, matching the tables', async () => {
    expect(result.customers).toBe(5000)
    for (const table of ['customers', 'customer_attributes', 'subscriptions', 'mrr_history', 'activity', 'tickets', 'feedback', 'dimensions']) {
      expect(result.rows[table], table).toBe(await one(`select count(*) from ${table}`))
    }
    expect(result.rows).toEqual({
      customers: 5000, customer_attributes: 5000, subscriptions: 5116, mrr_history: 63812, activity: 63812, tickets: 24362, feedback: 8326, dimensions: 6,
    })
  })

  it('has the documented churned and active totals', async () => {
    expect(await one(`select count(*) from subscriptions where end_date is null`)).toBe(3697)
    expect(await one(`select count(*) from subscriptions where end_date is not null`)).toBe(1419)
    expect(await one(`select count(distinct customer_id) from subscriptions where end_date is not null`)).toBe(1390)
    expect(await one(`select count(*) from subscriptions where is_reactivation = 1`)).toBe(116)
    expect(await one(`select round(sum(mrr), 2) from mrr_history where month = '2026-10-01'`)).toBe(4037327.6)
  })

  it('reports progress per chunk up to the total', () => {
    expect(progress.at(-1)).toEqual(['customers', 5000, 5000])
    expect(progress.map((p) => p[1])).toEqual([2000, 4000, 5000])
  })

  it('writes meta and the declared dimensions from data/dimensions.json', async () => {
    expect(await readMeta(db)).toEqual({ asOf: '2026-11-01', currency: 'USD', source: 'sample', companyName: 'Northwind Cloud' })
    const dims = await loadDimensions(db)
    expect(dims.map((d) => d.id)).toEqual(['plan', 'region', 'channel', 'industry', 'company_size', 'contract'])
    expect(dims.find((d) => d.id === 'contract')?.source).toEqual({ kind: 'attribute' })
    expect(dims.find((d) => d.id === 'region')?.values.APAC?.zh).toContain('亚太')
    expect(dims.find((d) => d.id === 'plan')?.values.Starter?.zh).toContain('入门版')
    // Every stored value is a declared value, so filters by value name always resolve.
    for (const d of dims) {
      const stored = d.source.kind === 'column'
        ? await all<{ v: string }>(db, `select distinct ${d.source.column} v from customers`)
        : await all<{ v: string }>(db, `select distinct value v from customer_attributes where dimension = '${d.id}'`)
      expect(stored.map((r) => r.v).sort(), d.id).toEqual(Object.keys(d.values).sort())
    }
  })

  it('refuses a database that already holds customers', async () => {
    await expect(generateSampleCompany(db)).rejects.toMatchObject({ name: 'AppError', code: 'bad_request' })
  })
})

describe('determinism', () => {
  it('gives identical rows for the same seed and different rows for another seed', async () => {
    const runs: string[] = []
    for (const seed of [42, 42, 7]) {
      const small = await openDatabase(':memory:')
      await generateSampleCompany(small, { customers: 300, seed })
      runs.push(await fingerprint(small))
      await small.destroy()
    }
    expect(runs[1]).toBe(runs[0])
    expect(runs[2]).not.toBe(runs[0])
  })
})

describe('consistency', () => {
  it('dates nothing before 2023-11-01 or on/after the as-of date 2026-11-01', async () => {
    const columns = [
      ['customers', 'signup_date'], ['customers', 'last_active_date'], ['subscriptions', 'start_date'], ['subscriptions', 'end_date'],
      ['mrr_history', 'month'], ['activity', 'month'], ['tickets', 'opened_date'], ['feedback', 'date'],
    ]
    for (const [table, col] of columns) {
      expect(await one(`select count(*) from ${table} where ${col} >= '2026-11-01' or ${col} < '2023-11-01'`), `${table}.${col}`).toBe(0)
      expect(await one(`select count(*) from ${table} where ${col} is not null and ${col} <> date(${col})`), `${table}.${col} is ISO`).toBe(0)
    }
    expect(await one(`select count(*) from mrr_history where substr(month, 9) <> '01'`)).toBe(0)
    expect(await one(`select count(*) from tickets where hours_to_resolve is not null and datetime(opened_date, '+' || hours_to_resolve || ' hours') >= '2026-11-01'`)).toBe(0)
  })

  it('keeps subscription spells well formed', async () => {
    expect(await one(`select count(*) from subscriptions where end_date is not null and end_date <= start_date`)).toBe(0)
    expect(await one(`select count(*) from (select customer_id from subscriptions where end_date is null group by 1 having count(*) > 1)`)).toBe(0)
    expect(await one(`select count(*) from customers c where not exists (select 1 from subscriptions s where s.customer_id = c.id)`)).toBe(0)
    // The first spell starts at signup; every later spell is a reactivation after the previous one ended.
    expect(await one(`select count(*) from customers c join subscriptions s on s.customer_id = c.id
      where s.start_date = (select min(start_date) from subscriptions x where x.customer_id = c.id) and (s.start_date <> c.signup_date or s.is_reactivation <> 0)`)).toBe(0)
    expect(await one(`select count(*) from subscriptions r where r.is_reactivation = 1 and not exists (
      select 1 from subscriptions p where p.customer_id = r.customer_id and p.end_date is not null and p.end_date < r.start_date)`)).toBe(0)
    expect(await one(`select count(*) from subscriptions r join subscriptions p on p.customer_id = r.customer_id and p.id <> r.id
      where p.start_date < coalesce(r.end_date, '9999') and r.start_date < coalesce(p.end_date, '9999')`)).toBe(0)
  })

  it('records churn type and a catalog reason exactly for ended spells', async () => {
    expect(await one(`select count(*) from subscriptions where end_date is null and (churn_type is not null or reason_code is not null or reason_text is not null)`)).toBe(0)
    expect(await one(`select count(*) from subscriptions where end_date is not null and (churn_type is null or reason_text is null)`)).toBe(0)
    const codes = (await all<{ r: string }>(db, `select distinct reason_code r from subscriptions where end_date is not null`)).map((x) => x.r)
    expect(codes.every((c) => (reasonIds as string[]).includes(c))).toBe(true)
    expect(codes).toContain('other')
    expect(await one(`select count(*) from subscriptions where (churn_type = 'involuntary') <> (reason_code = 'payment_failed')`)).toBe(0)
  })

  it('has one MRR and one activity row for exactly the months a spell covers', async () => {
    const covered = await one(`
      with recursive m(d) as (select '2023-11-01' union all select date(d, '+1 month') from m where d < '2026-10-01')
      select count(*) from m join subscriptions s on s.start_date < date(m.d, '+1 month') and (s.end_date is null or s.end_date > m.d)`)
    expect(await one(`select count(*) from mrr_history`)).toBe(covered)
    expect(await one(`select count(*) from mrr_history h where not exists (select 1 from subscriptions s where s.customer_id = h.customer_id
      and s.start_date < date(h.month, '+1 month') and (s.end_date is null or s.end_date > h.month))`)).toBe(0)
    expect(await one(`select count(*) from mrr_history h left join activity a using (customer_id, month) where a.customer_id is null`)).toBe(0)
    expect(await one(`select count(*) from mrr_history where mrr <= 0`)).toBe(0)
  })

  it('moves MRR both ways over time: expansion and contraction', async () => {
    const moves = await all<{ up: number; down: number }>(db, `select sum(h.mrr > p.mrr) up, sum(h.mrr < p.mrr) down
      from mrr_history h join mrr_history p on p.customer_id = h.customer_id and p.month = date(h.month, '-1 month')
      join customers c on c.id = h.customer_id where not (c.plan = 'Starter' and h.month = '2025-04-01')`)
    expect(moves[0].up).toBeGreaterThan(1000)
    expect(moves[0].down).toBeGreaterThan(500)
  })

  it('prices acquisition by channel: outbound sales costs most, referral least', async () => {
    const cac = Object.fromEntries((await all<{ channel: string; cac: number }>(db,
      `select channel, avg(acquisition_cost) cac from customers group by 1`)).map((r) => [r.channel, r.cac]))
    expect(cac['Outbound sales']).toBeGreaterThan(cac['Paid ads'])
    expect(cac['Paid ads']).toBeGreaterThan(cac['Organic search'])
    expect(cac['Organic search']).toBeGreaterThan(cac.Referral)
  })
})

describe('built-in churn stories (data/README.md)', () => {
  it('(1) APAC support backlog from 2025-07: slow tickets, higher churn, support the top reason', async () => {
    const hours = async (where: string) => one(`select avg(hours_to_resolve) from tickets t join customers c on c.id = t.customer_id where ${where}`)
    const apacAfter = await hours(`c.region = 'APAC' and opened_date >= '2025-07-01'`)
    expect(apacAfter / (await hours(`c.region = 'APAC' and opened_date < '2025-07-01'`))).toBeGreaterThan(3)
    expect(apacAfter / (await hours(`c.region <> 'APAC' and opened_date >= '2025-07-01'`))).toBeGreaterThan(3)

    const apac = await churnRate(`c.region = 'APAC'`, '2025-07-01', '2026-10-01')
    const others = await churnRate(`c.region <> 'APAC'`, '2025-07-01', '2026-10-01')
    expect(apac / others).toBeGreaterThan(1.3)
    const apacBefore = await churnRate(`c.region = 'APAC'`, '2024-07-01', '2025-07-01')
    const othersBefore = await churnRate(`c.region <> 'APAC'`, '2024-07-01', '2025-07-01')
    expect(apacBefore / othersBefore).toBeLessThan(1.2)
    const [top, second] = await topReasons(`c.region = 'APAC'`, '2025-07-01', '2026-10-01')
    expect(top.reason_code).toBe('support')
    expect(top.n).toBeGreaterThan(2 * second.n)
  })

  it('(2) Starter price increase on 2025-04-01: Starter churn up, price its top reason', async () => {
    const before = await churnRate(`c.plan = 'Starter'`, '2024-04-01', '2025-04-01')
    const after = await churnRate(`c.plan = 'Starter'`, '2025-04-01', '2026-04-01')
    expect(after / before).toBeGreaterThan(1.35)
    // Other plans drift up a little too (the APAC story starts in this window), but far less.
    const othersBefore = await churnRate(`c.plan <> 'Starter'`, '2024-04-01', '2025-04-01')
    const othersAfter = await churnRate(`c.plan <> 'Starter'`, '2025-04-01', '2026-04-01')
    expect(after / before - othersAfter / othersBefore).toBeGreaterThan(0.25)
    const priceShare = (from: string, to: string) => one(`select 1.0 * sum(reason_code = 'price') / count(*) from subscriptions s
      join customers c on c.id = s.customer_id where c.plan = 'Starter' and s.end_date >= '${from}' and s.end_date < '${to}'`)
    expect(await priceShare('2024-04-01', '2025-04-01')).toBeLessThan(0.25)
    expect(await priceShare('2025-04-01', '2026-04-01')).toBeGreaterThan(0.35)
    expect((await topReasons(`c.plan = 'Starter'`, '2025-04-01', '2026-11-01'))[0].reason_code).toBe('price')
    // The MRR history shows the new price: Starter seats cost 19 before and 25 after (annual contracts 15% less).
    expect(await one(`select count(*) from mrr_history h join customers c on c.id = h.customer_id join customer_attributes a on a.customer_id = c.id
      where c.plan = 'Starter' and a.value = 'Monthly' and h.month < '2025-04-01' and cast(round(h.mrr * 100) as integer) % 1900 <> 0`)).toBe(0)
    expect(await one(`select count(*) from mrr_history h join customers c on c.id = h.customer_id join customer_attributes a on a.customer_id = c.id
      where c.plan = 'Starter' and a.value = 'Monthly' and h.month >= '2025-04-01' and cast(round(h.mrr * 100) as integer) % 2500 <> 0`)).toBe(0)
  })

  it('(3) logins fall in the three months before a voluntary churn', async () => {
    const window = (from: number, to: number) => `
      with churn as (select customer_id, substr(end_date, 1, 7) || '-01' em from subscriptions where churn_type = 'voluntary')
      select avg(a.logins), avg(1.0 * a.logins / nullif(a.active_seats, 0)) from activity a join churn on churn.customer_id = a.customer_id
      where a.month >= date(churn.em, '-${to} months') and a.month < date(churn.em, '-${from} months')`
    const [pre3] = await all<Record<string, number>>(db, window(0, 3))
    const [pre4to9] = await all<Record<string, number>>(db, window(3, 9))
    const [retained] = await all<Record<string, number>>(db, `select avg(logins), avg(1.0 * logins / nullif(active_seats, 0)) from activity
      where customer_id not in (select customer_id from subscriptions where end_date is not null)`)
    const [pre3Logins, pre3PerSeat] = Object.values(pre3)
    expect(pre3Logins / Object.values(pre4to9)[0]).toBeLessThan(0.6)
    expect(pre3PerSeat / Object.values(retained)[1]).toBeLessThan(0.7)
  })

  it('(4) Paid ads customers churn about twice as often as Referral customers', async () => {
    const paid = await churnRate(`c.channel = 'Paid ads'`, '2024-01-01', '2026-11-01')
    const referral = await churnRate(`c.channel = 'Referral'`, '2024-01-01', '2026-11-01')
    expect(paid / referral).toBeGreaterThan(1.6)
  })

  it('(5) Annual contracts churn far less than Monthly', async () => {
    const annual = await churnRate(`a.value = 'Annual'`, '2024-01-01', '2026-11-01')
    const monthly = await churnRate(`a.value = 'Monthly'`, '2024-01-01', '2026-11-01')
    expect(annual / monthly).toBeLessThan(0.35)
  })

  it('(6) Education churn spikes in 2026-Q1 over a policy change', async () => {
    const spike = await churnRate(`c.industry = 'Education'`, '2026-01-01', '2026-04-01')
    expect(spike / (await churnRate(`c.industry = 'Education'`, '2025-01-01', '2026-01-01'))).toBeGreaterThan(1.8)
    expect(spike / (await churnRate(`c.industry <> 'Education'`, '2026-01-01', '2026-04-01'))).toBeGreaterThan(1.8)
    expect((await topReasons(`c.industry = 'Education'`, '2026-01-01', '2026-04-01'))[0].reason_code).toBe('policy_change')
  })

  it('(7) 10–15% of churn is involuntary (payment failed), and ~8% of churned customers come back', async () => {
    const involuntary = await one(`select 1.0 * sum(churn_type = 'involuntary') / count(*) from subscriptions where end_date is not null`)
    expect(involuntary).toBeGreaterThan(0.1)
    expect(involuntary).toBeLessThan(0.15)
    const reactivated = await one(`select 1.0 * (select count(distinct customer_id) from subscriptions where is_reactivation = 1)
      / (select count(distinct customer_id) from subscriptions where end_date is not null)`)
    expect(reactivated).toBeGreaterThan(0.06)
    expect(reactivated).toBeLessThan(0.1)
  })

  it('(8) monthly logo churn looks like real SaaS: 1.5–3% on average, no month above 4.5%', async () => {
    const average = await churnRate('1 = 1', '2024-07-01', '2026-11-01')
    expect(average).toBeGreaterThan(0.015)
    expect(average).toBeLessThan(0.03)
    const monthStart = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`
    for (let i = 6; i < 34; i++) {
      expect(await churnRate('1 = 1', monthStart(i), monthStart(i + 1)), monthStart(i)).toBeLessThan(0.045)
    }
  })

  it('leaves a few silent accounts: paying, but not seen for over 90 days', async () => {
    const silent = await one(`select 1.0 * count(*) / (select count(*) from subscriptions where end_date is null) from customers c
      where c.last_active_date < date('2026-11-01', '-90 days') and exists (select 1 from subscriptions s where s.customer_id = c.id and s.end_date is null)`)
    expect(silent).toBeGreaterThan(0.01)
    expect(silent).toBeLessThan(0.06)
  })
})

describe('feedback', () => {
  it('is about 30% Chinese, mostly from APAC', async () => {
    const zh = await one(`select 1.0 * sum(language = 'zh') / count(*) from feedback`)
    expect(zh).toBeGreaterThan(0.25)
    expect(zh).toBeLessThan(0.35)
    expect(await one(`select 1.0 * sum(c.region = 'APAC') / count(*) from feedback f join customers c on c.id = f.customer_id where f.language = 'zh'`)).toBeGreaterThan(0.5)
    expect(await one(`select count(*) from feedback where language = 'zh' and text not glob '*[一-龥]*'`)).toBe(0)
  })

  it('uses each source with the right rating scale', async () => {
    const sources = await all<{ source: string; n: number; lo: number | null; hi: number | null }>(db,
      `select source, count(*) n, min(rating) lo, max(rating) hi from feedback group by 1 order by 1`)
    expect(sources.map((s) => s.source)).toEqual(['exit_interview', 'nps', 'review', 'support_ticket'])
    const by = Object.fromEntries(sources.map((s) => [s.source, s]))
    expect([by.nps.lo, by.nps.hi]).toEqual([0, 10])
    expect([by.review.lo, by.review.hi]).toEqual([1, 5])
    expect([by.exit_interview.lo, by.support_ticket.hi]).toEqual([null, null])
  })

  it('is varied: hundreds of distinct texts, not a handful of repeats', async () => {
    expect(await one(`select count(distinct text) from feedback`)).toBeGreaterThan(2000)
    expect(await one(`select count(distinct text) from feedback where source = 'exit_interview'`)).toBeGreaterThan(400)
  })

  it('states the stored reason in exit interviews with the catalog keywords (≥ 80%)', async () => {
    const exits = await all<{ text: string; reason_code: string }>(db, `select f.text, s.reason_code from feedback f
      join subscriptions s on s.customer_id = f.customer_id and f.date >= s.end_date and f.date <= date(s.end_date, '+10 days')
      where f.source = 'exit_interview'`)
    expect(exits.length).toBe(await one(`select count(*) from feedback where source = 'exit_interview'`))
    const classifiable = exits.filter((e) => e.reason_code !== 'other')
    const hits = classifiable.filter((e) => {
      const keywords = reasons.find((r) => r.id === e.reason_code)!.keywords
      const text = e.text.toLowerCase()
      return [...keywords.en, ...keywords.zh].some((k) => text.includes(k.toLowerCase()))
    })
    expect(hits.length / classifiable.length).toBeGreaterThan(0.8)
  })

  it('hides a few prompt-injection attempts in customer text', async () => {
    const injections = await all<{ text: string }>(db,
      `select text from feedback where lower(text) like '%ignore previous instructions%' or lower(text) like '%ignore all prior instructions%'
       or text like '%</feedback>%' or text like '%忽略%指令%' or text like '%忽略以上规则%'`)
    expect(injections.length).toBe(5)
    expect(injections.some((r) => r.text.includes('churn is 0%'))).toBe(true)
  })
})
