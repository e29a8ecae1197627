import { existsSync } from 'node:fs'
import type { Config } from '../config.js'
import type { ToolDeps } from '../tools/tool-deps.js'
import { alertJobs } from './alert-jobs.js'
import { loadAlertsFile } from './alerts-config.js'
import { systemClock, type Clock } from './clock.js'
import { createDeliverer, type DeliveryDeps } from './deliver.js'
import { startScheduler, type Scheduler } from './scheduler.js'

/** Starts the digest and alert schedules of config.alertsFile, if that file exists (null otherwise). */
export async function startAlerts(config: Pick<Config, 'alertsFile' | 'slack' | 'logLevel'>, deps: () => ToolDeps, opts: { clock?: Clock; fetch?: DeliveryDeps['fetch'] } = {}): Promise<Scheduler | null> {
  if (!existsSync(config.alertsFile)) return null
  const file = await loadAlertsFile(config.alertsFile)
  const log = config.logLevel === 'info' || config.logLevel === 'debug' ? (l: string) => console.log(`alerts: ${l}`) : () => {}
  const deliverer = createDeliverer({ slack: config.slack, fetch: opts.fetch })
  const scheduler = startScheduler(alertJobs(file, deps, deliverer, log), opts.clock ?? systemClock, (job, e) => {
    if (config.logLevel !== 'silent') console.error(`alerts: ${job.id} failed: ${e instanceof Error ? e.message : String(e)}`)
  })
  log(`${file.digests.length} digests, ${file.alerts.length} alerts from ${config.alertsFile}; next: ${scheduler.next().map((n) => `${n.id} ${n.at}`).join(', ')}`)
  return scheduler
}
