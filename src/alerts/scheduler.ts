import type { Schedule } from './alerts-config.js'
import type { Clock } from './clock.js'
import { nextRun } from './next-run.js'

/** A scheduled job: what to run and when. */
export type Job = { id: string; schedule: Schedule; run(): Promise<void> }

/** A running scheduler: when each job runs next; stop() cancels the pending timer. */
export type Scheduler = { stop(): void; next(): Array<{ id: string; at: string }> }

// setTimeout cannot wait longer than ~24.8 days; wake up at least daily and re-check.
const MAX_WAIT_MS = 24 * 3600 * 1000

/**
 * Runs jobs on their schedules inside the server (no external cron): one timer armed for the
 * earliest due job; when it fires, every due job runs in turn and is rescheduled from "now".
 * A failing job is reported and does not stop the others.
 */
export function startScheduler(jobs: Job[], clock: Clock, onError: (job: Job, e: unknown) => void): Scheduler {
  const due = new Map(jobs.map((j) => [j.id, nextRun(j.schedule, clock.now())]))
  let handle: unknown
  let stopped = false
  const arm = () => {
    if (stopped || !jobs.length) return
    const earliest = Math.min(...[...due.values()].map((d) => d.getTime()))
    handle = clock.setTimeout(() => void fire(), Math.min(MAX_WAIT_MS, Math.max(0, earliest - clock.now().getTime())))
  }
  const fire = async () => {
    const now = clock.now()
    for (const job of jobs) {
      if (stopped) return
      if (due.get(job.id)! > now) continue
      due.set(job.id, nextRun(job.schedule, now))
      try {
        await job.run()
      } catch (e) {
        onError(job, e)
      }
    }
    arm()
  }
  arm()
  return {
    stop() {
      stopped = true
      clock.clearTimeout(handle)
    },
    next: () => jobs.map((j) => ({ id: j.id, at: due.get(j.id)!.toISOString() })),
  }
}
