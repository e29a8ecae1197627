import { describe, expect, it } from 'vitest'
import { maskDeep, maskText, pseudonym } from '../../src/privacy/mask-pii.js'

describe('maskText', () => {
  it.each([
    ['Mail jane.doe+churn@example.co.uk today', 'Mail [email] today'],
    ['Call +44 20 7946 0958 or +1 (555) 123-4567', 'Call [phone] or [phone]'],
    ['US office 555-123-4567, fax 555.123.4567', 'US office [phone], fax [phone]'],
    ['Card 4111 1111 1111 1111 and 5500-0000-0000-0004 expired', 'Card [card number] and [card number] expired'],
    ['My name is John Smith, regards', 'My name is [name], regards'],
  ])('English: %s', (input, want) => {
    expect(maskText(input)).toBe(want)
  })

  it.each([
    ['请拨打13812345678联系我', '请拨打[phone]联系我'],
    ['电话 +86 139-1234-5678，或 86 158 1234 5678', '电话 [phone]，或 [phone]'],
    ['身份证号110101199003071234，另一个11010119900307123X', '身份证号[ID number]，另一个[ID number]'],
    ['邮箱 wang.lei@qq.com', '邮箱 [email]'],
    ['我叫张伟，联系人：李娜。', '我叫[姓名]，联系人：[姓名]。'],
  ])('Chinese: %s', (input, want) => {
    expect(maskText(input)).toBe(want)
  })

  it('leaves dates, percentages, money, periods and ordinary numbers alone', () => {
    const text = 'Churn 5.99% in 2026-01-01 – 2026-03-31; MRR 1234567.89 USD; +12.5 pp; 20 tickets; order 123456; 服务很好'
    expect(maskText(text)).toBe(text)
  })
})

describe('maskDeep', () => {
  it('masks every string of a tool result and replaces customer ids with stable, keyed pseudonyms', () => {
    const out = maskDeep({ total: 2, items: [{ customerId: 'c1', text: 'mail a@b.io' }, { customerId: 'c1', text: 'ok' }], sql: ['select 1'] })
    expect(out.items[0].text).toBe('mail [email]')
    expect(out.items[0].customerId).toBe(out.items[1].customerId)
    expect(out.items[0].customerId).toBe(pseudonym('c1'))
    expect(out.items[0].customerId).toMatch(/^customer-[0-9a-f]{8}$/)
    expect(pseudonym('c2')).not.toBe(pseudonym('c1'))
    expect(out.total).toBe(2)
    expect(out.sql).toEqual(['select 1'])
  })
})
