// Measures import speed stage by stage: `npx tsx scripts/import-speed.ts FILE [more files]`.
// Proposes the mapping (as `churn-insight import FILE --yes` does), checks every row, writes into
// a fresh temporary SQLite file and prints the milliseconds of each stage and rows per second.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writePrepared } from '../src/db/import/import-csv.js'
import { prepareImport } from '../src/db/import/prepare-import.js'
import { proposeMapping } from '../src/db/import/propose-mapping.js'
import { openDatabase } from '../src/db/open-database.js'

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: tsx scripts/import-speed.ts FILE [more files]')
  process.exit(2)
}
const dir = mkdtempSync(join(tmpdir(), 'import-speed-'))
try {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const proposal = await proposeMapping(files, { write: false })
  const t1 = performance.now()
  const prepared = await prepareImport(proposal.file, proposal.mapping, { tables: proposal.tables })
  const t2 = performance.now()
  const db = await openDatabase(join(dir, 'speed.db'), { readers: 0 })
  const t3 = performance.now()
  const result = await writePrepared(db, proposal.file, prepared)
  const t4 = performance.now()
  await db.destroy()
  const cpu = process.cpuUsage(cpu0)
  const total = t4 - t0 - (t3 - t2)
  const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`
  console.log(`propose ${ms(t1 - t0)} · check ${ms(t2 - t1)} · write ${ms(t4 - t3)} · total ${ms(total)} (opening the database ${ms(t3 - t2)} not counted)`)
  console.log(`${result.customers.toLocaleString('en-US')} customers, ${Object.entries(result.rows).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}`)
  // CPU time is steadier than wall time on a machine other jobs share.
  console.log(`${Math.round(result.customers / (total / 1000)).toLocaleString('en-US')} rows/s; CPU ${ms((cpu.user + cpu.system) / 1000)} (user ${ms(cpu.user / 1000)}, system ${ms(cpu.system / 1000)})`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
