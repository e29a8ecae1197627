import type { ToolDeps } from '../tools/tool-deps.js'
import type { AlertsFile } from './alerts-config.js'
import { buildDigest } from './build-digest.js'
import { checkAlert } from './check-alerts.js'
import type { Deliverer } from './deliver.js'
import { formatDigest } from './format-digest.js'
import type { OutgoingMessage } from './message.js'
import type { Job } from './scheduler.js'

/** Builds one digest's message (used by jobs and by `churn-insight digest --dry-run`). */
export async function digestMessage(deps: ToolDeps, file: AlertsFile, id?: string): Promise<OutgoingMessage> {
  const d = id ? file.digests.find((x) => x.id === id) : file.digests[0]
  const cfg = d ?? { id: 'digest', window: 'week' as const, scope: {}, language: 'en' as const }
  const digest = await buildDigest(deps, { window: cfg.window, scope: cfg.scope, language: cfg.language })
  return formatDigest(digest, deps.catalog, cfg.language, cfg.id)
}

/**
 * The scheduler jobs of an alerts file: each digest is built and sent to its channels; each alert is
 * checked and sends only what it has not sent before (the same alert for the same period goes out once).
 * `deps` is a getter so a re-imported data set is picked up.
 */
export function alertJobs(file: AlertsFile, deps: () => ToolDeps, deliverer: Deliverer, log: (line: string) => void = () => {}): Job[] {
  const sent = new Set<string>()
  const send = async (channels: string[], m: OutgoingMessage) => {
    for (const name of channels) {
      await deliverer.deliver(file.channels[name], m)
      log(`${m.kind} ${m.source} → ${name}`)
    }
  }
  return [
    ...file.digests.map((d) => ({
      id: `digest:${d.id}`,
      schedule: d.schedule,
      run: async () => send(d.channels, await digestMessage(deps(), file, d.id)),
    })),
    ...file.alerts.map((a) => ({
      id: `alert:${a.id}`,
      schedule: a.schedule,
      run: async () => {
        const d = deps()
        for (const m of await checkAlert(d, a)) {
          const key = `${a.id}|${d.catalog.meta.asOf}|${m.title}`
          if (sent.has(key)) continue
          await send(a.channels, m)
          sent.add(key)
        }
      },
    })),
  ]
}
