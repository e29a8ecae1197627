/** Relative tolerance for floating-point aggregates summed in a different order. */
const EPS = 1e-9

const norm = (v: unknown): unknown => {
  if (typeof v === 'bigint') return Number(v)
  if (v && typeof v === 'object' && 'toDouble' in v) return (v as { toDouble(): number }).toDouble()
  return v
}
const key = (row: Record<string, unknown>) => JSON.stringify(Object.keys(row).sort().map((k) => { const v = norm(row[k]); return typeof v === 'number' ? Number(v.toPrecision(8)) : v }))

/**
 * True when both engines returned the same rows: same count, same columns, values equal (numbers
 * within EPS relative), compared as multisets because a query without ORDER BY has no order.
 */
export function sameRows(a: Array<Record<string, unknown>>, b: Array<Record<string, unknown>>): { equal: boolean; detail?: string } {
  if (a.length !== b.length) return { equal: false, detail: `${a.length} vs ${b.length} rows` }
  const sa = [...a].sort((x, y) => key(x).localeCompare(key(y)))
  const sb = [...b].sort((x, y) => key(x).localeCompare(key(y)))
  for (let i = 0; i < sa.length; i++) {
    const ka = Object.keys(sa[i]).sort()
    for (const k of ka) {
      const x = norm(sa[i][k])
      const y = norm(sb[i][k])
      if (typeof x === 'number' && typeof y === 'number') {
        if (Math.abs(x - y) > EPS * Math.max(1, Math.abs(x), Math.abs(y))) return { equal: false, detail: `row ${i} ${k}: ${x} vs ${y}` }
      } else if ((x ?? null) !== (y ?? null) && String(x) !== String(y)) {
        return { equal: false, detail: `row ${i} ${k}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}` }
      }
    }
  }
  return { equal: true }
}
