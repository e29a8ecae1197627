import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { AppError } from '../../errors.js'
import { readerSource } from './reader-source.js'

/** How a reader pool runs: its database file, processes, per-query limit and statement bound. */
export type ReaderPoolOptions = { path: string; size: number; queryTimeoutMs: number; maxStatements: number }

type Job = { sql: string; parameters: readonly unknown[]; resolve: (rows: unknown[]) => void; reject: (e: unknown) => void; waiting?: NodeJS.Timeout }
type Reader = { child: ChildProcess; job?: Job & { id: number; timer: NodeJS.Timeout }; ready: boolean }
type Reply = { id: number; rows?: unknown[]; error?: { message: string; code?: string; name?: string }; retire: boolean }

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3')
const live = new Set<ChildProcess>()
// A reader stuck in a query cannot see its channel close, so the server kills its readers as it exits.
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL')
})

/**
 * A few child processes, each with its own read-only connection to the same SQLite file (WAL lets
 * them read while the main connection writes), so a slow query never blocks the event loop.
 * Processes, not worker threads: a thread inside sqlite3_step ignores Worker.terminate() and would
 * run a runaway query to its end, while a process can be killed. A query over its time limit has its
 * reader killed and replaced; the caller gets a `query_timeout` error.
 */
export class ReaderPool {
  private readers: Reader[] = []
  private queue: Job[] = []
  private nextId = 1
  private closed = false
  /** Readers started so far (replacements included): tests watch it to see a timeout replace one. */
  started = 0

  constructor(private readonly opts: ReaderPoolOptions) {}

  /** Queries running right now. */
  get busy(): number {
    return this.readers.filter((r) => r.job).length
  }

  /** Process ids of the readers running a query now. */
  get busyPids(): number[] {
    return this.readers.flatMap((r) => (r.job && r.child.pid ? [r.child.pid] : []))
  }

  /** Process ids of the live readers (for RSS figures). */
  get pids(): number[] {
    return this.readers.flatMap((r) => (r.child.pid ? [r.child.pid] : []))
  }

  /** Runs one read query in a reader process and resolves with its rows. */
  run(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error('the database is closed'))
    return new Promise((resolve, reject) => {
      const job: Job = { sql, parameters, resolve, reject }
      // Under overload a query waits at most one time limit for a reader, then fails fast: no backlog of abandoned requests.
      job.waiting = setTimeout(() => {
        const i = this.queue.indexOf(job)
        if (i < 0) return
        this.queue.splice(i, 1)
        reject(new AppError('unavailable', 'The server is busy answering other questions; try again in a moment.'))
      }, this.opts.queryTimeoutMs)
      job.waiting.unref()
      this.queue.push(job)
      this.dispatch()
    })
  }

  /** Stops every reader: idle ones close their connection and exit, busy ones are killed; queued queries fail. */
  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.waiting)
      job.reject(new Error('the database is closed'))
    }
    await Promise.all(
      this.readers.splice(0).map((r) => {
        const exited = new Promise((done) => (r.child.exitCode !== null || r.child.signalCode !== null ? done(null) : r.child.once('exit', done)))
        this.hold(r, true)
        if (r.job || !r.child.connected) r.child.kill('SIGKILL')
        else r.child.send({ close: true })
        return exited
      }),
    )
  }

  private dispatch(): void {
    while (this.queue.length) {
      // The time limit counts query work only: a reader starting up is not handed a query until ready.
      if (this.readers.length < this.opts.size && !this.readers.some((r) => !r.job)) this.spawn()
      const reader = this.readers.find((r) => r.ready && !r.job)
      if (!reader) return
      const job = this.queue.shift()!
      clearTimeout(job.waiting)
      const id = this.nextId++
      const timer = setTimeout(() => this.timeout(reader), this.opts.queryTimeoutMs)
      reader.job = { ...job, id, timer }
      this.hold(reader, true)
      reader.child.send({ id, sql: job.sql, parameters: job.parameters })
    }
  }

  private spawn(): Reader {
    const { path, maxStatements } = this.opts
    const child = spawn(process.execPath, ['-e', readerSource], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, CHURN_READER: JSON.stringify({ driverPath, path, maxStatements }) },
    })
    const reader: Reader = { child, ready: false }
    this.started++
    live.add(child)
    child.on('message', (m: Reply | { ready: true }) => {
      if ('id' in m) this.settle(reader, m)
      else if (!this.closed) {
        reader.ready = true
        this.dispatch()
        if (!reader.job) this.hold(reader, false)
      }
    })
    child.on('error', (e) => this.fail(reader, e))
    child.on('exit', () => {
      live.delete(child)
      this.fail(reader, new Error('a database reader stopped unexpectedly'))
    })
    this.readers.push(reader)
    // Spawned because a query is waiting: keep Node alive until the reader is ready and takes it.
    this.hold(reader, true)
    return reader
  }

  // Idle readers must not keep a CLI command alive; busy ones must, or Node would exit mid-query.
  private hold(reader: Reader, busy: boolean): void {
    if (busy) {
      reader.child.ref()
      reader.child.channel?.ref()
    } else {
      reader.child.unref()
      reader.child.channel?.unref()
    }
  }

  private settle(reader: Reader, m: Reply): void {
    const job = reader.job
    if (!job || job.id !== m.id) return
    clearTimeout(job.timer)
    reader.job = undefined
    if (m.retire) this.remove(reader)
    else this.hold(reader, false)
    if (m.error) job.reject(Object.assign(new Error(m.error.message), { name: m.error.name ?? 'SqliteError', code: m.error.code }))
    else job.resolve(m.rows ?? [])
    this.dispatch()
  }

  private timeout(reader: Reader): void {
    const job = reader.job
    if (!job) return
    reader.job = undefined
    this.remove(reader)
    reader.child.kill('SIGKILL')
    const seconds = Math.round(this.opts.queryTimeoutMs / 100) / 10
    job.reject(new AppError('query_timeout', `That question needed more than ${seconds} s of database work, so it was stopped. Try a shorter period, a coarser grain or fewer segments.`))
    this.dispatch()
  }

  private fail(reader: Reader, e: unknown): void {
    const job = reader.job
    this.remove(reader)
    if (job) {
      clearTimeout(job.timer)
      reader.job = undefined
      job.reject(e)
    }
    if (!this.closed) this.dispatch()
  }

  private remove(reader: Reader): void {
    this.readers = this.readers.filter((r) => r !== reader)
  }
}
