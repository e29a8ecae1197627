import { describe, expect, it } from 'vitest'
import { bandLabels } from '../../src/catalog/measure.js'

describe('band labels', () => {
  it('names whole-number bands by their values, and the outer ones by the range when it is known', () => {
    const perValue = [1, 2, 3, 4, 5, 6].map((at) => ({ at }))
    expect(bandLabels(perValue, true)).toEqual(['< 1', '1', '2', '3', '4', '5', '≥ 6'])
    // Contacts in the last 12 months run 0–6: the outer bands are 0 and 6 themselves.
    expect(bandLabels(perValue, true, { min: 0, max: 6 })).toEqual(['0', '1', '2', '3', '4', '5', '6'])
    // A cut at 1 on 0–5 dependents: none vs one or more.
    expect(bandLabels([{ at: 1 }], true, { min: 0, max: 5 })).toEqual(['0', '1 – 5'])
    expect(bandLabels([{ at: 12 }, { at: 24, equalBelow: true }], true, { min: 0, max: 72 })).toEqual(['0 – 11', '12 – 24', '25 – 72'])
  })
  it('leaves fractional bands as cuts', () => {
    expect(bandLabels([{ at: 70, equalBelow: true }], false, { min: 18.25, max: 118.75 })).toEqual(['≤ 70', '> 70'])
  })
})
