/**
 * A reader process's code, run with `node -e` so it needs no loader (tsx, vitest). It opens its own
 * read-only connection, runs one query at a time, and retires (closes its connection and exits) once
 * it holds `maxStatements` prepared statements: that bounds the cache without letting the GC finalise
 * a live statement, which aborts Node ≥ 24.19 with better-sqlite3 < 13 (see statement-cache.ts).
 * It exits when the server goes away (its IPC channel closes).
 */
export const readerSource = `
const { driverPath, path, maxStatements } = JSON.parse(process.env.CHURN_READER)
const Database = require(driverPath)
const db = new Database(path, { readonly: true, fileMustExist: true })
const cache = new Map()
const stop = () => {
  if (db.open) db.close()
  process.exit(0)
}
process.on('disconnect', stop)
process.on('message', ({ id, sql, parameters, close }) => {
  if (close) return stop()
  let reply
  try {
    let stmt = cache.get(sql)
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)))
    if (!stmt.reader) throw Object.assign(new Error('reader processes only run queries that return rows'), { code: 'NOT_A_READ' })
    reply = { id, rows: stmt.all(parameters) }
  } catch (e) {
    reply = { id, error: { message: String(e && e.message), code: e && e.code, name: e && e.name } }
  }
  const retire = cache.size >= maxStatements
  process.send({ ...reply, retire }, retire ? stop : undefined)
})
process.send({ ready: true })
`
