import { createHmac, randomBytes } from 'node:crypto'

/** Whether personal data is masked (default) or shown (`PII=show`). */
export type PiiMode = 'mask' | 'show'

// Order matters: the longest, most specific shapes first, so an ID-card number is not taken for a phone.
const rules: Array<{ re: RegExp; label: string }> = [
  { re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, label: '[email]' },
  // Mainland resident ID: 6-digit area, birth date, 3-digit sequence, check digit (or X).
  { re: /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g, label: '[ID number]' },
  // Chinese mobile numbers, with or without +86 and separators: 1[3-9]x xxxx xxxx.
  { re: /(?:\+?86[ -]?)?(?<![0-9])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9])/g, label: '[phone]' },
  // International numbers written with a leading +.
  { re: /\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,4}){1,4}(?![0-9])/g, label: '[phone]' },
  // Payment cards: 13–19 digits, optionally grouped by spaces or dashes.
  { re: /(?<![0-9])\d(?:[ -]?\d){12,18}(?![0-9])/g, label: '[card number]' },
  // North-American style (555) 123-4567 / 555-123-4567 / 555.123.4567.
  { re: /(?<![0-9])(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![0-9])/g, label: '[phone]' },
  // Names people give for themselves in feedback ("my name is …", "联系人：张伟", "我叫李娜").
  { re: /((?:[Mm]y name is|[Cc]ontact(?: person)?:|[Ss]igned,?|[Rr]egards,)\s+)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g, label: '$1[name]' },
  { re: /((?:我叫|我是|联系人[:：]?|姓名[:：]?|负责人[:：]?)\s*)[\u4e00-\u9fa5]{2,3}(?=[，。,.；;！!\s]|$)/g, label: '$1[姓名]' },
]

/** Masks e-mails, phone numbers (international and Chinese mobile), ID-card and card numbers, and self-given names. */
export function maskText(text: string): string {
  let out = text
  for (const r of rules) out = out.replace(r.re, r.label)
  return out
}

/**
 * Masks every string inside a JSON-like value (tool results, stored rows). Customer ids are replaced
 * by a stable pseudonym so quotes from one customer can still be told apart without naming them.
 */
export function maskDeep<T>(value: T): T {
  return walk(value, '') as T
}

const identifying = new Set(['customerId', 'customer_id', 'customerName', 'customer_name'])

function walk(v: unknown, key: string): unknown {
  if (typeof v === 'string') return identifying.has(key) ? pseudonym(v) : maskText(v)
  if (Array.isArray(v)) return v.map((x) => walk(x, key))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]))
  return v
}

// Keyed per process: ids are often sequential, so an unkeyed hash could be reversed by trying them all.
const pseudonymKey = randomBytes(32)

/** A short stand-in for a customer id, stable within this process, not reversible without the key. */
export function pseudonym(id: string): string {
  return `customer-${createHmac('sha256', pseudonymKey).update(id).digest('hex').slice(0, 8)}`
}
