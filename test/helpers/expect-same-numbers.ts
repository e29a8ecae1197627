import { expect } from 'vitest'

type Close = (got: number, want: number) => boolean

// Walks two values in step; numbers are compared with `close`, everything else exactly.
function expectDeep(got: unknown, want: unknown, close: Close, path: string): void {
  if (typeof got === 'number' && typeof want === 'number') {
    if (!close(got, want)) expect(got, path).toBe(want)
    return
  }
  if (got && want && typeof got === 'object' && typeof want === 'object') {
    expect(Object.keys(got).sort(), path).toEqual(Object.keys(want).sort())
    for (const k of Object.keys(want)) expectDeep((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], close, `${path}.${k}`)
    return
  }
  expect(got, path).toEqual(want)
}

/**
 * Deep equality where a number may differ by one unit of the last rounded digit (0.01): an exact
 * value on a rounding boundary (446.365) lands either side depending on the order a sum was
 * added up in, and two correct paths may add in different orders.
 */
export function expectSameNumbers(got: unknown, want: unknown, path = '$'): void {
  expectDeep(got, want, (a, b) => Math.abs(a - b) <= 0.0100001 || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)), path)
}

/**
 * Deep equality where numbers may differ only in their last bits (relative 1e-9): the same sums
 * added up in a different order, before any rounding.
 */
export function expectCloseNumbers(got: unknown, want: unknown, path = '$'): void {
  expectDeep(got, want, (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)), path)
}
