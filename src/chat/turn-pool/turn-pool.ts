import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { newRef, type ServerLog } from '../../audit/server-log.js'
import type { Config } from '../../config.js'
import { AppError } from '../../errors.js'
import { detectLanguage } from '../../model/offline/normalise.js'
import type { AskResult } from '../ask.js'
import type { TurnInput } from '../turn.js'
import { answerFailed } from '../turn-messages.js'
import { fromWireError, type FromTurnProcess, type ToTurnProcess, type WireTurnInput } from './turn-wire.js'

/** A turn's time limit: the database's, plus the model's when a model other than the offline analyst answers. */
export function turnTimeoutMs(config: Config): number {
  return config.db.queryTimeoutMs + (config.model === 'offline' ? 0 : config.modelTimeoutMs)
}

/** Size, time limit and configuration of a turn pool. */
export type TurnPoolOptions = {
  config: Config
  size: number
  turnTimeoutMs: number
  log?: ServerLog
  /** The process module (tests substitute one that hangs or crashes); default turn-process. */
  entry?: string
}

type Job = { input: WireTurnInput; signal?: AbortSignal; resolve: (r: AskResult) => void; reject: (e: unknown) => void; waiting?: NodeJS.Timeout; onQueuedAbort?: () => void }
type Worker = { child: ChildProcess; ready: boolean; job?: Job & { id: number; timer: NodeJS.Timeout; onAbort?: () => void } }

// From .ts sources (tsx, vitest) the child needs tsx to load them; compiled builds run the .js neighbour.
const tsEntry = fileURLToPath(new URL('./turn-process.ts', import.meta.url))
const defaultEntry = existsSync(tsEntry) ? tsEntry : fileURLToPath(new URL('./turn-process.js', import.meta.url))
const live = new Set<ChildProcess>()
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL')
})

// Idle processes must not keep a short-lived caller alive; busy ones must, or Node would exit mid-turn.
function hold(child: ChildProcess, busy: boolean): void {
  if (busy) {
    child.ref()
    child.channel?.ref()
  } else {
    child.unref()
    child.channel?.unref()
  }
}

function timedOut(question: string, seconds: number): AppError {
  const message = detectLanguage(question) === 'zh'
    ? `这个问题在 ${seconds} 秒内没有答完，已停止。请缩短时间段、用更粗的粒度或更少的分组再问。`
    : `That question took more than ${seconds} s, so it was stopped. Try a shorter period, a coarser grain or fewer segments.`
  return new AppError('query_timeout', message)
}

function busy(question: string): AppError {
  const message = detectLanguage(question) === 'zh' ? '服务器正忙于回答其他问题，请稍后再试。' : 'The server is busy answering other questions; try again in a moment.'
  return new AppError('unavailable', message)
}

/**
 * A few child processes that each answer one conversation turn at a time (model or analyst, tools,
 * SQL on their own connection), so the server's event loop only handles HTTP: /healthz and chat-bot
 * acknowledgements answer in milliseconds however busy the analysts are. A turn over its time limit
 * has its process killed (a runaway query stops with it) and replaced; the caller gets a clear 503.
 */
export class TurnPool {
  private workers: Worker[] = []
  private queue: Job[] = []
  private nextId = 1
  private closed = false
  /** Processes started so far (replacements included). */
  started = 0

  constructor(private readonly opts: TurnPoolOptions) {}

  /** Process ids of the live turn processes (for RSS figures). */
  get pids(): number[] {
    return this.workers.flatMap((w) => (w.child.pid ? [w.child.pid] : []))
  }

  /** Starts every process now, so the first questions do not wait for start-up. */
  warm(): void {
    while (this.workers.length < this.opts.size) this.spawn()
  }

  /** Answers one turn in a turn process. The rate limit has been charged by the caller. */
  ask(input: TurnInput): Promise<AskResult> {
    if (this.closed) return Promise.reject(busy(input.question))
    const { signal, ...wire } = input
    return new Promise((resolve, reject) => {
      const job: Job = { input: wire, signal, resolve, reject }
      // Under overload a turn waits at most one time limit for a process, then fails fast.
      job.waiting = setTimeout(() => {
        const i = this.queue.indexOf(job)
        if (i < 0) return
        this.queue.splice(i, 1)
        reject(busy(input.question))
      }, this.opts.turnTimeoutMs)
      job.waiting.unref()
      // A client gone before its turn began leaves the queue at once.
      job.onQueuedAbort = () => {
        const i = this.queue.indexOf(job)
        if (i < 0) return
        this.queue.splice(i, 1)
        clearTimeout(job.waiting)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', job.onQueuedAbort, { once: true })
      this.queue.push(job)
      this.dispatch()
    })
  }

  /** Every process re-reads the data catalog (after an import). */
  async reload(): Promise<void> {
    await Promise.all(
      this.workers.filter((w) => w.ready).map((w) => new Promise<void>((done) => {
        const on = (m: FromTurnProcess) => {
          if ('reloaded' in m) {
            w.child.off('message', on)
            done()
          }
        }
        w.child.on('message', on)
        w.child.send({ reload: true } satisfies ToTurnProcess)
      })),
    )
  }

  /** Stops every process; queued and running turns fail. */
  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.waiting)
      job.reject(busy(job.input.question))
    }
    await Promise.all(
      this.workers.splice(0).map((w) => {
        const exited = new Promise((done) => (w.child.exitCode !== null || w.child.signalCode !== null ? done(null) : w.child.once('exit', done)))
        if (w.job || !w.child.connected) w.child.kill('SIGKILL')
        else w.child.send({ close: true } satisfies ToTurnProcess)
        return exited
      }),
    )
  }

  private dispatch(): void {
    while (this.queue.length) {
      if (this.workers.length < this.opts.size && !this.workers.some((w) => !w.job)) this.spawn()
      const worker = this.workers.find((w) => w.ready && !w.job)
      if (!worker) return
      const job = this.queue.shift()!
      clearTimeout(job.waiting)
      // Listeners leave the request's signal as soon as they are done: it may outlive the turn.
      if (job.onQueuedAbort) job.signal?.removeEventListener('abort', job.onQueuedAbort)
      const id = this.nextId++
      const timer = setTimeout(() => this.timeout(worker), this.opts.turnTimeoutMs)
      const onAbort = () => worker.child.send({ id, abort: true } satisfies ToTurnProcess)
      job.signal?.addEventListener('abort', onAbort, { once: true })
      worker.job = { ...job, id, timer, onAbort }
      hold(worker.child, true)
      worker.child.send({ id, ask: job.input } satisfies ToTurnProcess)
    }
  }

  private spawn(): void {
    const entry = this.opts.entry ?? defaultEntry
    const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : []
    const child = fork(entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    const worker: Worker = { child, ready: false }
    this.started++
    live.add(child)
    child.on('message', (m: FromTurnProcess) => {
      if ('ready' in m) {
        worker.ready = true
        this.dispatch()
        if (!worker.job) hold(child, false)
      } else if ('id' in m) this.settle(worker, m)
    })
    child.on('error', (e) => this.fail(worker, e))
    child.on('exit', () => {
      live.delete(child)
      this.fail(worker, new Error('a turn process stopped unexpectedly'))
    })
    child.send({ init: { config: this.opts.config } } satisfies ToTurnProcess)
    this.workers.push(worker)
  }

  private finish(worker: Worker): (Job & { id: number; timer: NodeJS.Timeout; onAbort?: () => void }) | undefined {
    const job = worker.job
    if (!job) return undefined
    clearTimeout(job.timer)
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort)
    worker.job = undefined
    return job
  }

  private settle(worker: Worker, m: Extract<FromTurnProcess, { id: number }>): void {
    if (worker.job?.id !== m.id) return
    const job = this.finish(worker)!
    hold(worker.child, false)
    if ('error' in m) job.reject(fromWireError(m.error))
    else job.resolve(m.result)
    this.dispatch()
  }

  private timeout(worker: Worker): void {
    const job = this.finish(worker)
    if (!job) return
    this.remove(worker)
    worker.child.kill('SIGKILL')
    job.reject(timedOut(job.input.question, Math.round(this.opts.turnTimeoutMs / 100) / 10))
    this.dispatch()
  }

  private fail(worker: Worker, e: unknown): void {
    const job = this.finish(worker)
    this.remove(worker)
    if (job) {
      const ref = newRef()
      this.opts.log?.error(ref, 'a turn process failed while answering', e)
      job.reject(answerFailed(detectLanguage(job.input.question), ref))
    }
    if (!this.closed) this.dispatch()
  }

  private remove(worker: Worker): void {
    this.workers = this.workers.filter((w) => w !== worker)
  }
}
