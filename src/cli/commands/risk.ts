import { importInterventionsCsv } from '../../risk/interventions.js'
import { modelDrivers } from '../../risk/explain.js'
import { columnName } from '../../risk/factor-text.js'
import { ensureRiskModel } from '../../risk/risk-scores.js'
import type { RiskModel } from '../../risk/risk-model.js'
import { trainRiskModel } from '../../risk/train-risk-model.js'
import { atRiskCustomers } from '../../tools/at-risk-customers.js'
import { parseArgs, type Command } from '../command.js'
import { formatTable } from '../format-table.js'
import { openAppDeps } from '../open-app-deps.js'

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`)

/** `churn-insight risk train | show | list | interventions <file.csv>`: the churn-risk model. */
export const riskCommand: Command = {
  name: 'risk',
  help: `Usage: churn-insight risk train [--json]
       churn-insight risk show [--json]
       churn-insight risk list [--limit N] [--horizon MONTHS] [--lang en|zh]
       churn-insight risk interventions <file.csv>

train          retrain the logistic-regression risk model on the data in DATABASE_URL: backtest
               (dated data: train on earlier months, test on the last 6; snapshot files:
               stratified 5-fold cross-validation), then fit on all history; the model, its
               features, metrics and training date are stored in the database.
show           the latest model's backtest (AUC, top-10% precision/recall/lift, calibration)
               and strongest drivers (trains one first if there is none).
list           the customers most likely to churn, names masked, with their top factors.
interventions  import save actions from a CSV with columns customer_id, date (YYYY-MM-DD),
               action, and optionally team and note; all-or-nothing.`,
  async run(args) {
    const { flags, positionals } = parseArgs(args, ['json'])
    const deps = await openAppDeps()
    try {
      const catalog = deps.chat.catalog()
      const sub = positionals[0]
      if (sub === 'train' || sub === 'show') {
        const started = Date.now()
        const model = sub === 'train' ? await trainRiskModel(deps.db, catalog) : await ensureRiskModel(deps.db, catalog)
        if (flags.json) console.log(JSON.stringify(model, null, 2))
        else printModel(model, catalog, sub === 'train' ? Date.now() - started : null)
        return 0
      }
      if (sub === 'list') {
        const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined)
        const lang = str('lang') === 'zh' ? 'zh' : 'en'
        const r = await atRiskCustomers({ db: deps.db, catalog, churn: deps.chat.churn, grossMargin: deps.chat.grossMargin }, { limit: Number(str('limit') ?? 20), horizon_months: Number(str('horizon') ?? 1), language: lang })
        console.log(formatTable(['#', 'customer', 'name', 'risk', 'MRR', 'top factors'], r.customers.map((c) => [c.rank, c.customerId, c.name, pct(c.probability), Math.round(c.mrr), c.factors.map((f) => f.text).join('; ')])))
        console.log(`\nModel ${r.model.id} (trained ${r.model.trainedAt}); ${r.totals.customers} active customers, expected MRR at risk ${Math.round(r.totals.mrrAtRisk)} ${r.currency}.`)
        return 0
      }
      if (sub === 'interventions' && positionals[1]) {
        const n = await importInterventionsCsv(deps.db, positionals[1])
        console.log(`Imported ${n} interventions from ${positionals[1]}.`)
        return 0
      }
      console.log(riskCommand.help)
      return 2
    } finally {
      await deps.db.destroy()
    }
  },
}

function printModel(m: RiskModel, catalog: Parameters<typeof columnName>[1], ms: number | null) {
  const b = m.backtest
  const x = b.metrics
  console.log(`Model ${m.id}: ${m.algorithm}, trained ${m.trainedAt}${ms !== null ? ` in ${(ms / 1000).toFixed(1)} s` : ''}, data as of ${m.dataAsOf}, ${m.mode} data.`)
  console.log(`Training: ${m.training.rows} customer-months (${m.training.dates.from} … ${m.training.dates.to}), ${m.training.positives} churns, ${m.columns.length} features.`)
  console.log(b.method === 'temporal' ? `Backtest: trained ${b.trainDates!.from} … ${b.trainDates!.to}, tested ${b.testDates!.from} … ${b.testDates!.to}.` : `Backtest: stratified ${b.folds}-fold cross-validation.`)
  console.log(`  AUC ${x.auc?.toFixed(3) ?? '—'} · top 10%: precision ${pct(x.top10Precision)}, recall ${pct(x.top10Recall)}, lift ${x.top10Lift?.toFixed(2) ?? '—'}× · base rate ${pct(x.baseRate)} · calibration error ${pct(x.calibrationError)}`)
  console.log(formatTable(['decile', 'customers', 'predicted', 'actual'], x.calibration.map((c) => [c.decile, c.customers, pct(c.predicted), pct(c.observed)])))
  console.log('\nStrongest drivers (standardised weights; + raises risk):')
  console.log(formatTable(['driver', 'weight'], modelDrivers(m, 12).map((d) => [columnName(d.column, catalog, 'en'), d.weight.toFixed(3)])))
}
