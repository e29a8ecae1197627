/**
 * `npm run bench [-- --quick] [-- --sizes 10000,100000] [-- --runs N] [-- --no-duckdb]`
 *
 * Per size (10k, 100k, 1M customers of the sample company, generated once and cached in
 * bench/.cache): seed rows/s, database size, server start, median and p95 of every catalog query,
 * every tool and /api/ask on a fixed question list; then the statements each case ran, timed raw in
 * SQLite, against the raw-table statements it runs without rollups in DuckDB on a copy of the same
 * data (those checked row for row against SQLite), with the time ratio. Writes
 * bench/report.md; the last line printed is the worst ratio to DuckDB.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { createApp } from '../src/app.js'
import { buildAppDeps } from '../src/app-deps.js'
import { loadConfig } from '../src/config.js'
import { openDatabase } from '../src/db/open-database.js'
import { churnReasons } from '../src/tools/churn-reasons.js'
import { compareSegments } from '../src/tools/compare-segments.js'
import { describeData } from '../src/tools/describe-data.js'
import { computeMetric } from '../src/tools/metrics-service.js'
import { queryMetric } from '../src/tools/query-metric.js'
import { searchFeedback } from '../src/tools/search-feedback.js'
import type { ToolDeps } from '../src/tools/tool-deps.js'
import { CACHE_DIR, cachedSample, sizeMiB } from './cached-sample.js'
import { catalogCases, questions, toolCases, type ToolCase } from './cases.js'
import { DUCK_LIMIT_MS, duckRows, openDuckMirror } from './duckdb-mirror.js'
import { writeReport, type SizeReport, type CaseFigures } from './report.js'
import { sameRows } from './same-rows.js'
import { ms, summarize, time, type Timing } from './timing.js'

const argv = process.argv.slice(2)
const flag = (name: string) => argv.includes(`--${name}`)
const opt = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined }
const quick = flag('quick')
const sizes = (opt('sizes') ?? (quick ? '10000' : '10000,100000,1000000')).split(',').map(Number)
const withDuck = !flag('no-duckdb')
const log = (s: string) => console.log(s)

// The cache key follows the schema and the generator: a change to either regenerates the data.
const root = join(import.meta.dirname, '..')
const hash = createHash('sha1')
for (const dir of ['src/db/migrations', 'src/db/sample', 'src/db/rollups']) for (const f of readdirSync(join(root, dir)).sort()) hash.update(readFileSync(join(root, dir, f)))
const cacheKey = hash.digest('hex').slice(0, 8)

const runsFor = (n: number) => Number(opt('runs') ?? (quick ? 5 : n >= 1_000_000 ? 3 : n >= 100_000 ? 5 : 9))

async function runTool(deps: ToolDeps, c: ToolCase): Promise<{ sql?: string[] }> {
  switch (c.tool) {
    case 'query_metric': return queryMetric(deps, c.input) as Promise<{ sql?: string[] }>
    case 'compare_segments': return compareSegments(deps, c.input).then((r) => ({ sql: [r.sql].flat() as string[] }))
    case 'churn_reasons': return churnReasons(deps, c.input)
    case 'search_feedback': return searchFeedback(deps, c.input)
    case 'describe_data': return describeData(deps)
  }
}

// Provenance SQL may hold several statements separated by a blank line after ';' (a helper query first).
const statements = (texts: string[]) => texts.flatMap((t) => t.split(/;\s*\n\s*\n/)).map((s) => s.trim().replace(/;$/, '')).filter(Boolean)

const reports: SizeReport[] = []

// The report shows every size measured with this code's data (earlier runs' sizes included), smallest
// first; rewritten after each size so a long run leaves a report even if stopped.
function writeAll(): void {
  const earlier = [10_000, 100_000, 1_000_000]
    .filter((n) => !reports.some((r) => r.customers === n))
    .map((n) => join(CACHE_DIR, `result-${n}-${cacheKey}.json`))
    .filter((f) => existsSync(f))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as SizeReport)
  writeFileSync(join(import.meta.dirname, 'report.md'), writeReport([...earlier, ...reports].sort((a, b) => a.customers - b.customers)))
}
for (const customers of sizes) {
  const runs = runsFor(customers)
  log(`\n# ${customers.toLocaleString('en-US')} customers (${runs} timed runs each after one warm-up)`)
  const sample = await cachedSample(customers, cacheKey, log)
  const report: SizeReport = { customers, runs, dbMiB: sizeMiB(sample.path), seed: sample.generated, catalog: [], tools: [], ask: [] }
  if (sample.generated) log(`seed: ${sample.generated.rows.toLocaleString('en-US')} rows in ${(sample.generated.ms / 1000).toFixed(1)} s`)

  const db = await openDatabase(sample.path)
  const started = performance.now()
  const appDeps = await buildAppDeps(loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: sample.path, CHAT_MODEL: 'offline' }), db)
  report.serverStartMs = performance.now() - started
  const deps: ToolDeps = { db, catalog: appDeps.chat.catalog(), churn: appDeps.chat.churn, grossMargin: appDeps.chat.grossMargin }

  const sqlOf = (r: { sql?: string[] } | { result: { sql: string[] } }) => ('result' in r ? r.result.sql : (r.sql ?? []))
  // Timed as the app runs (rollups where they fit); the raw-table statements, for DuckDB, come from one more call without them.
  const measure = async (name: string, fn: (d: ToolDeps) => Promise<{ sql?: string[] } | { result: { sql: string[] } }>): Promise<CaseFigures> => {
    let sqlTexts: string[] = []
    const t = await time(async () => { sqlTexts = sqlOf(await fn(deps)) }, runs)
    const rawTexts = withDuck ? sqlOf(await fn({ ...deps, rollups: false })) : sqlTexts
    log(`  ${ms(t.median).padStart(8)} ${ms(t.p95).padStart(8)}  ${name}`)
    return { name, timing: t, sql: statements(sqlTexts), rawSql: statements(rawTexts) }
  }
  log('catalog queries (median, p95 ms):')
  // Metrics the sample company has no records for (churn-event files, flags) would time empty answers.
  const lacking = new Set((deps.catalog.metricsWithoutData ?? []).map((x) => x.metric))
  for (const [name, req] of catalogCases) if (!lacking.has(req.metric)) report.catalog.push(await measure(name, (d) => computeMetric(d, req)))
  log('tools:')
  for (const c of toolCases) report.tools.push(await measure(c.name, (d) => runTool(d, c)))

  log('/api/ask (offline analyst):')
  const app = createApp(appDeps)
  for (const question of questions) {
    const ask = async () => {
      const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })
      if (res.status !== 200) throw new Error(`/api/ask ${res.status}: ${await res.text()}`)
      return res.json()
    }
    const t = await time(ask, runs)
    log(`  ${ms(t.median).padStart(8)} ${ms(t.p95).padStart(8)}  ${question}`)
    report.ask.push({ name: question, timing: t, sql: [] })
  }

  if (withDuck) {
    log('its SQL in SQLite vs the raw-table SQL in DuckDB (median ms, ratio, raw rows equal):')
    const duck = await openDuckMirror(sample.path, log)
    if (duck.copiedMs) log(`  (copied into DuckDB in ${(duck.copiedMs / 1000).toFixed(1)} s)`)
    const raw = new SQLite(sample.path, { readonly: true })
    for (const c of [...report.catalog, ...report.tools]) {
      // FTS5 term-list lookups have no DuckDB counterpart (their result is inlined into the next statement).
      c.sql = c.sql.filter((s) => !s.includes('feedback_fts_vocab'))
      c.rawSql = (c.rawSql ?? c.sql).filter((s) => !s.includes('feedback_fts_vocab'))
      // SQLite: the statements the app ran (rollups where they fit); DuckDB: the raw-table statements,
      // whose rows are checked against SQLite's for the same statements.
      let sqliteMs = 0
      let duckMs = 0
      let slowDuck = false
      const mismatches: string[] = []
      for (const text of c.sql) {
        const stmt = raw.prepare(text)
        sqliteMs += (await time(() => stmt.all(), runs)).median
      }
      for (const text of c.rawSql) {
        const expected = raw.prepare(text).all() as Array<Record<string, unknown>>
        let got: Array<Record<string, unknown>> = []
        let duckT: Timing
        try {
          duckT = await time(async () => { got = await duckRows(duck.conn, text) }, runs)
        } catch (e) {
          const msg = (e as Error).message.split('\n')[0]
          // An interrupted statement took longer than the limit: count it at the limit (a lower bound).
          if (/interrupt/i.test(msg)) duckT = summarize([DUCK_LIMIT_MS])
          else {
            mismatches.push(`DuckDB error: ${msg}`)
            duckT = summarize([Number.NaN])
          }
          got = expected
          slowDuck = true
        }
        const same = sameRows(expected, got)
        if (!same.equal && Number.isFinite(duckT.median)) mismatches.push(same.detail!)
        duckMs += duckT.median
      }
      if (!c.rawSql.length) continue
      c.duck = { sqliteMs, duckMs, ratio: sqliteMs / duckMs, rowsEqual: mismatches.length === 0 && !slowDuck, detail: mismatches[0] ?? (slowDuck ? `DuckDB interrupted after ${DUCK_LIMIT_MS / 1000} s (rows not compared)` : undefined) }
      log(`  ${ms(sqliteMs).padStart(8)} ${ms(duckMs).padStart(8)} ${`${c.duck.ratio.toFixed(1)}×`.padStart(7)} ${c.duck.rowsEqual ? 'equal' : `DIFFERENT (${c.duck.detail})`}  ${c.name}`)
    }
    raw.close()
    duck.close()
  }
  await db.destroy()
  reports.push(report)
  writeFileSync(join(CACHE_DIR, `result-${customers}-${cacheKey}.json`), JSON.stringify(report))
  writeAll()
}

log(`\nreport: ${join(import.meta.dirname, 'report.md')}`)
const ratios = reports.flatMap((r) => [...r.catalog, ...r.tools]).filter((c) => c.duck && Number.isFinite(c.duck.ratio))
const unequal = reports.flatMap((r) => [...r.catalog, ...r.tools]).filter((c) => c.duck && !c.duck.rowsEqual)
if (unequal.length) log(`rows differ from DuckDB (or were not compared) in ${unequal.length} case(s): ${unequal.map((c) => c.name).join('; ')}`)
if (ratios.length) {
  const worst = ratios.reduce((a, b) => (b.duck!.ratio > a.duck!.ratio ? b : a))
  log(`worst ratio to DuckDB: ${worst.duck!.ratio.toFixed(1)}× (${worst.name})`)
}
