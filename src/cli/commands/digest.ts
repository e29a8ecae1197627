import { existsSync } from 'node:fs'
import { alertJobs, digestMessage } from '../../alerts/alert-jobs.js'
import { loadAlertsFile, parseAlertsFile, type AlertsFile } from '../../alerts/alerts-config.js'
import { createDeliverer } from '../../alerts/deliver.js'
import { parseArgs, type Command } from '../command.js'
import { openAppDeps } from '../open-app-deps.js'

/** `churn-insight digest [--dry-run] [--id ID] [--lang en|zh] [--window week|month]`: build (and send) a churn digest. */
export const digestCommand: Command = {
  name: 'digest',
  help: `Usage: churn-insight digest [--dry-run] [--id DIGEST_ID] [--lang en|zh] [--window week|month] [--json]

Builds the churn summary for the period ending at the data's as-of date: churn rate against the
previous period (with a significance test), the segment that moved most, top reasons with a
customer quote, and MRR at risk from the risk model. Digests, alerts and channels live in
alerts.json (ALERTS_FILE); the server runs their schedules itself.

Options:
  --dry-run          print the message instead of sending it to the digest's channels
  --id ID            which digest of alerts.json (default: the first)
  --lang, --window   override the digest's language or window (a dry run works without alerts.json)
  --json             with --dry-run, print the digest data as JSON`,
  async run(args) {
    const { flags } = parseArgs(args, ['dry-run', 'json'])
    const deps = await openAppDeps()
    try {
      const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined)
      const path = deps.config.alertsFile
      let file: AlertsFile = existsSync(path) ? await loadAlertsFile(path) : parseAlertsFile({ channels: {} })
      const id = str('id')
      if (id && !file.digests.some((d) => d.id === id)) throw new Error(`No digest "${id}" in ${path}`)
      const lang = str('lang')
      const window = str('window')
      if (lang || window) {
        const base = file.digests.find((d) => d.id === id) ?? file.digests[0] ?? { id: 'digest', schedule: { every: 'week', day: 'mon', time: '08:00' }, channels: [], scope: {}, language: 'en', window: 'week' }
        file = { ...file, digests: [{ ...base, ...(lang ? { language: lang === 'zh' ? 'zh' : 'en' } : {}), ...(window ? { window: window === 'month' ? 'month' : 'week' } : {}) } as AlertsFile['digests'][number]] }
      }
      const toolDeps = { db: deps.db, catalog: deps.chat.catalog(), churn: deps.chat.churn, grossMargin: deps.chat.grossMargin }
      if (flags['dry-run']) {
        const m = await digestMessage(toolDeps, file, lang || window ? undefined : id)
        console.log(flags.json ? JSON.stringify(m, null, 2) : `${m.title}\n\n${m.text}`)
        return 0
      }
      const digest = (lang || window ? file.digests[0] : file.digests.find((d) => d.id === (id ?? file.digests[0]?.id)))
      if (!digest) throw new Error(`No digest configured in ${path}: add one, or use --dry-run`)
      const job = alertJobs({ ...file, digests: [digest], alerts: [] }, () => toolDeps, createDeliverer({ slack: deps.config.slack }), (l) => console.log(`sent: ${l}`))[0]
      await job.run()
      return 0
    } finally {
      await deps.db.destroy()
    }
  },
}
