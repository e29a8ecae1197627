/**
 * `npm run load [-- --customers N --connections 50 --duration 30 --runs 3 --warmup 10]`: starts the server on
 * 127.0.0.1 over a generated sample company (offline analyst), then runs autocannon against
 * POST /api/ask while a second client (on its own thread) polls /healthz, and reports req/s, p50/p99, errors, timeouts,
 * /healthz p99 and the RSS of the server (and of its reader and turn processes) before and after each run.
 * Bounded in time: runs × duration plus seeding and start-up. One client measures capacity, so the
 * per-principal rate limit is off unless RATE_LIMIT_PER_MINUTE is set.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { Worker } from 'node:worker_threads'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { signWidgetToken } from '../src/auth/widget-token.js'
import { openDatabase } from '../src/db/open-database.js'
import { generateSampleCompany } from '../src/db/sample/generate-sample-company.js'

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : d
}
const customers = arg('customers', 5000)
const connections = arg('connections', 50)
const duration = arg('duration', 30)
const runs = arg('runs', 3)
const warmup = arg('warmup', 10)

const questions = [
  'What was our churn rate last quarter?',
  'Which plan churns the most?',
  'Why do customers leave?',
  'Churn rate by region last year',
  'How did MRR change over the last 12 months?',
  'Compare churn for monthly and annual contracts',
  '上个季度的流失率是多少？',
  '客户为什么流失？',
  'What is net revenue retention by quarter?',
  'Show cohort retention',
]

const dir = resolve('test-artifacts', 'load')
const dbPath = join(dir, `load-${customers}.db`)
const secret = 'load-test-secret-0123456789abcdef'
const audience = 'churn-insight'

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => done(port))
    })
    s.on('error', fail)
  })
}

/** Resident set size in MB of a process, from /proc (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Math.round(Number(m[1]) / 1024) : NaN
}

/** Pids of a process's direct children (the reader processes). */
function childPids(pid: number): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid ? [Number(d)] : []
    } catch {
      return []
    }
  })
}

// The health probe runs on its own thread: on the load client's event loop, busy parsing 50
// connections' answers, it would measure the client's delays instead of the server's.
const probeSource = `
const { workerData, parentPort } = require('node:worker_threads')
const http = require('node:http')
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
const latencies = []
let errors = 0
const once = () => new Promise((done) => {
  const t = performance.now()
  const req = http.get(workerData.url, { agent, timeout: 10000 }, (res) => {
    res.resume()
    res.on('end', () => { if (res.statusCode !== 200) errors++; latencies.push(performance.now() - t); done() })
  })
  req.on('timeout', () => req.destroy(new Error('timeout')))
  req.on('error', () => { errors++; done() })
})
;(async () => {
  const end = Date.now() + workerData.duration * 1000
  while (Date.now() < end) {
    const next = Date.now() + 50
    await once()
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())))
  }
  latencies.sort((a, b) => a - b)
  const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? NaN
  parentPort.postMessage({ p99: Math.round(p99 * 10) / 10, max: Math.round((latencies[latencies.length - 1] ?? NaN) * 10) / 10, n: latencies.length, errors })
})()
`
/** Polls the URL 20 times a second for `duration` s on its own thread; latency p99 and max in ms. */
function healthzProbe(url: string, duration: number): Promise<{ p99: number; max: number; n: number; errors: number }> {
  const w = new Worker(probeSource, { eval: true, workerData: { url, duration } })
  return new Promise((done, fail) => {
    w.once('message', (m) => {
      done(m)
      void w.terminate()
    })
    w.once('error', fail)
  })
}

async function waitForHealth(url: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the server did not become healthy')
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true })
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true })
  const db = await openDatabase(dbPath, { readers: 0 })
  const gen = await generateSampleCompany(db, { customers })
  await db.destroy()
  console.log(`sample company: ${gen.customers} customers in ${(gen.ms / 1000).toFixed(1)} s`)

  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // The server as `npm start` runs it: compiled JavaScript (bin/serve.js builds it when sources changed).
  const server = spawn(process.execPath, ['bin/serve.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbPath, MODEL: 'offline', WIDGET_SECRET: secret, WIDGET_AUDIENCE: audience, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    await Promise.race([waitForHealth(url), new Promise((_, fail) => server.once('exit', (code) => fail(new Error(`the server exited (${code})`))))])
    const rows: Array<Record<string, number>> = []
    // Tokens live at most 15 minutes: one per run.
    const authHeaders = async () => ({ authorization: `Bearer ${await signWidgetToken({ secret, audience, sub: 'load-test', minutes: 15 })}`, 'content-type': 'application/json' })
    let headers = await authHeaders()
    // Warm-up, not reported: the first questions pay for JIT compilation and the turn processes' first reads.
    const warm = await autocannon({ url, connections, duration: warmup, timeout: 10, requests: questions.map((q) => ({ method: 'POST', path: '/api/ask', headers, body: JSON.stringify({ question: q }) })) })
    console.log(`warm-up: ${warm.requests.total} questions in ${warmup} s`)
    for (let run = 1; run <= runs; run++) {
      headers = await authHeaders()
      const before = { server: rssMb(server.pid!), readers: childPids(server.pid!).reduce((a, p) => a + rssMb(p), 0) }
      const [ask, health] = await Promise.all([
        autocannon({
          url,
          connections,
          duration,
          timeout: 10,
          requests: questions.map((q) => ({ method: 'POST', path: '/api/ask', headers, body: JSON.stringify({ question: q }) })),
        }),
        healthzProbe(`${url}/healthz`, duration),
      ])
      // RSS two seconds after the run: the figure a leak raises, not the garbage the last second left.
      await new Promise((r) => setTimeout(r, 2000))
      const after = { server: rssMb(server.pid!), readers: childPids(server.pid!).reduce((a, p) => a + rssMb(p), 0) }
      const row = {
        run,
        reqPerSec: Math.round(ask.requests.average * 10) / 10,
        total: ask.requests.total,
        ok2xx: ask['2xx'],
        non2xx: ask.non2xx,
        errors: ask.errors,
        timeouts: ask.timeouts,
        p50ms: ask.latency.p50,
        p99ms: ask.latency.p99,
        maxMs: ask.latency.max,
        healthzP99ms: health.p99,
        healthzMaxMs: health.max,
        healthzChecks: health.n,
        healthzErrors: health.errors,
        rssBeforeMb: before.server,
        rssAfterMb: after.server,
        childRssBeforeMb: before.readers,
        childRssAfterMb: after.readers,
      }
      rows.push(row)
      console.log(JSON.stringify(row))
    }
    console.log(`\n${customers} customers, ${connections} connections × ${duration} s, offline analyst, ${runs} runs:`)
    console.table(rows)
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r))
      server.kill('SIGTERM')
      await exited
    }
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
