import { metrics as catalogMetrics } from '../../catalog/metrics.js'
import { computeMetric } from '../../tools/metrics-service.js'
import { parseArgs, type Command } from '../command.js'
import { formatTable } from '../format-table.js'
import { openAppDeps } from '../open-app-deps.js'

/** `churn-insight metrics <metric> …`: a catalog metric as an aligned table or JSON. */
export const metricsCommand: Command = {
  name: 'metrics',
  help: `Usage: churn-insight metrics <metric> [--by dim[,dim]] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                            [--period last_quarter] [--grain month] [--where dim=value[,value]] [--json]

Computes one metric from the catalog over a period ([from, to), "to" exclusive; default: the
last 12 full months before the data's as-of date) and prints a table, or JSON with --json.
Also prints the period, the churn definition and (with --sql) the SQL that ran.

Options:
  --by dim[,dim]      group by up to two dimensions (see "churn-insight metrics --list")
  --from, --to        absolute period
  --period NAME       last_month | last_quarter | this_year | last_year | last_n_months | all_time …
  --n N               how many months for last_n_months (default 12)
  --grain G           day | week | month | quarter | year (a trend)
  --where dim=v[,v]   filter; repeat or separate with ";" for several dimensions
  --json              print the full result as JSON
  --sql               also print the SQL
  --list              list metrics and dimensions

Examples:
  churn-insight metrics churn_rate --by plan --period last_quarter
  churn-insight metrics net_revenue_retention --grain quarter --from 2025-01-01 --to 2026-01-01
  churn-insight metrics churn_rate --by contract --where "internet_service=Fiber optic"`,
  async run(args) {
    const { flags, positionals } = parseArgs(args, ['json', 'sql', 'list'])
    const deps = await openAppDeps()
    try {
      const cat = deps.chat.catalog()
      if (flags.list || !positionals[0]) {
        console.log(formatTable(['metric', 'unit', 'definition'], catalogMetrics.map((m) => [m.id, m.unit, m.description])))
        console.log('\nDimensions: ' + cat.dimensions.map((d) => `${d.id} (${(cat.values[d.id] ?? []).slice(0, 6).map((v) => v.value).join(', ')}${(cat.values[d.id]?.length ?? 0) > 6 ? ', …' : ''})`).join('; '))
        return positionals[0] || flags.list ? 0 : 2
      }
      const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined)
      const qd = { db: deps.db, catalog: cat, churn: deps.chat.churn, grossMargin: deps.chat.grossMargin }
      const response = await computeMetric(qd, {
        metric: positionals[0], by: str('by'), from: str('from'), to: str('to'), period: str('period') as never, n: str('n'), grain: str('grain') as never,
        where: str('where') ? [str('where')!] : [], months: str('months'),
      })
      if (response.kind === 'cohort') {
        const r = response.result
        if (flags.json) console.log(JSON.stringify(r, null, 2))
        else console.log(formatTable(['cohort', 'size', ...Array.from({ length: r.months }, (_, k) => `M${k}`)], r.cohorts.map((c) => [c.cohort, c.size, ...c.retention])))
        return 0
      }
      const r = response.result
      if (flags.json) {
        console.log(JSON.stringify(r, null, 2))
        return 0
      }
      const snapshot = r.coverage?.kind === 'snapshot'
      const shown = (parts: Record<string, number>) => (snapshot ? snapshotParts(parts) : parts)
      const partNames = Object.keys(shown(r.rows[0]?.parts ?? {}))
      const headers = [...(r.grain ? ['period'] : []), ...r.by, r.metric.id, ...partNames]
      const rows = r.rows.map((row) => [...(r.grain ? [row.period!] : []), ...r.by.map((b) => row.segment[b]), row.value, ...partNames.map((p) => shown(row.parts)[p])])
      console.log(`${r.metric.name.en} (${r.metric.unit === 'currency' ? r.currency : r.metric.unit}) · ${r.period.label} · ${r.definition}\n`)
      console.log(formatTable(headers, rows))
      const reasons = [...new Set(r.rows.filter((x) => x.reason).map((x) => x.reason))]
      if (reasons.length) console.log(`\n— = no value: ${reasons.join('; ')}`)
      if (flags.sql) console.log('\n' + r.sql.join('\n\n'))
      return 0
    } finally {
      await deps.db.destroy()
    }
  },
}

/**
 * A snapshot file has no start or joiners inside its window worth showing: its rows are the customers in the
 * file and the churned among them (the flow parts behind them are an artefact of tenure-based dates).
 */
function snapshotParts(parts: Record<string, number>): Record<string, number> {
  if (!('active_start' in parts)) return parts
  const { active_start = 0, new: joined = 0, reactivated = 0, churned_from_start: _fromStart, active_end: _end, ...rest } = parts
  return { customers: active_start + joined + reactivated, ...rest }
}
