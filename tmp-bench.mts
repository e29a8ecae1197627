import { rmSync } from 'node:fs'
import { openDatabase } from '/work/main/src/db/open-database.js'
import { importCsv, loadMapping } from '/work/main/src/db/import/import-csv.js'
const target = process.argv[2] ?? ':memory:'
if (target !== ':memory:') for (const s of ['', '-wal', '-shm']) rmSync(target + s, { force: true })
const file = process.argv[3] ?? '/tmp/csvt/synth/synth-100k.csv'
const db = await openDatabase(target)
const m = await loadMapping('/work/main/data/mappings/ibm-telco.json')
if (process.env.CACHE) await (await import("kysely")).sql.raw(`pragma cache_size = -${process.env.CACHE}`).execute(db)
const t = performance.now()
const r = await importCsv(db, file, m, { onProgress: (n) => console.error(`${n} rows, ${Math.round(n / ((performance.now() - t) / 1000))} rows/s`) })
console.log(JSON.stringify(r), Math.round(r.customers / (r.ms / 1000)), 'rows/s')
await db.destroy()
