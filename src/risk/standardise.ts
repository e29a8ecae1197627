/** Per-column mean and standard deviation learnt on the training rows (sd 1 for constant columns). */
export type Scaler = { means: number[]; sds: number[] }

/** Learns a Scaler from raw rows, ignoring NaN (unknown) cells. */
export function fitScaler(rows: ArrayLike<number>[]): Scaler {
  const k = rows.length ? rows[0].length : 0
  const sum = new Array<number>(k).fill(0)
  const sq = new Array<number>(k).fill(0)
  const cnt = new Array<number>(k).fill(0)
  for (const r of rows) for (let j = 0; j < k; j++) if (!Number.isNaN(r[j])) { sum[j] += r[j]; cnt[j]++ }
  const means = sum.map((s, j) => (cnt[j] ? s / cnt[j] : 0))
  for (const r of rows) for (let j = 0; j < k; j++) if (!Number.isNaN(r[j])) sq[j] += (r[j] - means[j]) ** 2
  const sds = sq.map((s, j) => {
    const sd = Math.sqrt(s / Math.max(1, cnt[j] - 1))
    return sd > 1e-12 ? sd : 1
  })
  return { means, sds }
}

/** z = (x − mean) / sd, column by column; an unknown (NaN) cell becomes 0, the training mean. */
export function standardise(row: ArrayLike<number>, s: Scaler): Float64Array {
  const z = new Float64Array(s.means.length)
  for (let j = 0; j < z.length; j++) z[j] = Number.isNaN(row[j]) ? 0 : (row[j] - s.means[j]) / s.sds[j]
  return z
}
