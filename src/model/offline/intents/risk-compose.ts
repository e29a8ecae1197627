import type { DataCatalog } from '../../../catalog/data-catalog.js'

type Lang = 'en' | 'zh'
type ModelRef = { id: string; trainedAt: string; dataAsOf: string; horizonMonths: number; backtestAuc: number | null }

/** at_risk_customers as the analyst reads it. */
export type AtRiskOutput = {
  kind: 'at_risk'; date: string; horizonMonths: number; where: Record<string, string[]>; currency: string; model: ModelRef
  totals: { customers: number; expectedChurners: number; mrr: number; mrrAtRisk: number }
  customers: Array<{ rank: number; customerId: string; name: string; probability: number; mrr: number; mrrAtRisk: number; factors: Array<{ text: string }> }>
}
/** risk_summary as the analyst reads it. */
export type RiskSummaryOutput = {
  kind: 'risk_summary'; date: string; horizonMonths: number; by: string | null; where: Record<string, string[]>; currency: string; model: ModelRef
  total: { customers: number; expectedChurners: number; highRisk: number; mrr: number; mrrAtRisk: number; share: number | null }
  rows: Array<{ segment: string; customers: number; expectedChurners: number; highRisk: number; mrr: number; mrrAtRisk: number; share: number | null }>
}
/** risk_reliability as the analyst reads it. */
export type ReliabilityOutput = {
  kind: 'risk_reliability'; model: ModelRef
  backtest: { method: 'temporal' | 'stratified_kfold'; trainDates: { from: string; to: string } | null; testDates: { from: string; to: string } | null; folds: number | null; rows: number; positives: number; baseRate: number; auc: number | null; top10Precision: number | null; top10Recall: number | null; top10Lift: number | null; calibrationError: number | null; calibration: Array<{ decile: number; predicted: number; observed: number }> }
  drivers: Array<{ name: string; kind: 'numeric' | 'level'; weight: number; raisesRisk: boolean }>
}
/** intervention_effect as the analyst reads it. */
export type EffectOutput = {
  kind: 'intervention_effect'; followMonths: number; interventions: number; actions: Array<{ action: string; count: number }>
  treated: number; treatedChurned: number; treatedRate: number | null; comparisonRate: number | null; comparisonCustomers: number
  differencePoints: number | null; pValue: number | null; detectablePoints: number | null; tooRecent: number; notActive: number
  verdict: 'helped' | 'hurt' | 'no_clear_difference' | 'cannot_tell'; reason: 'ok' | 'no_interventions' | 'too_few' | 'no_comparison'; model: ModelRef
}

const pct = (x: number | null, d = 1) => (x === null ? '—' : `${(x * 100).toFixed(d)}%`)
const money = (x: number, cur: string) => `${Math.round(x).toLocaleString('en-US')} ${cur}`
const modelLine = (m: ModelRef, lang: Lang) =>
  lang === 'zh'
    ? `模型：${m.id}（逻辑回归，训练于 ${m.trainedAt.slice(0, 10)}，数据截至 ${m.dataAsOf}${m.backtestAuc !== null ? `，回测AUC ${m.backtestAuc.toFixed(2)}` : ''}）。`
    : `Model: ${m.id} (logistic regression, trained ${m.trainedAt.slice(0, 10)} on data as of ${m.dataAsOf}${m.backtestAuc !== null ? `; backtest AUC ${m.backtestAuc.toFixed(2)}` : ''}).`

function scope(where: Record<string, string[]>, catalog: DataCatalog, lang: Lang): string {
  const parts = Object.entries(where).map(([d, vs]) => `${catalog.dimensions.find((x) => x.id === d)?.name[lang] ?? d} = ${vs.join(lang === 'zh' ? '、' : ', ')}`)
  return parts.length ? parts.join(lang === 'zh' ? '，' : ', ') : lang === 'zh' ? '全部活跃客户' : 'all active customers'
}

/** Who is at risk: the ranked list with each customer's top factors, totals and the model used. */
export function composeAtRisk(o: AtRiskOutput, catalog: DataCatalog, lang: Lang): string {
  const zh = lang === 'zh'
  const h = o.horizonMonths
  const head = zh
    ? `未来 ${h} 个月流失风险最高的客户（${scope(o.where, catalog, lang)}，自 ${o.date} 起；名称已脱敏）：`
    : `Customers most likely to churn in the next ${h === 1 ? 'month' : `${h} months`} (${scope(o.where, catalog, lang)}, from ${o.date}; names masked):`
  if (!o.customers.length) return `${head}\n${zh ? '没有符合条件的活跃客户。' : 'No active customers match.'}`
  const lines = o.customers.map((c) =>
    zh
      ? `${c.rank}. ${c.name}（${c.customerId}）— 流失概率 ${pct(c.probability)}，MRR ${money(c.mrr, o.currency)}。原因：${c.factors.map((f) => f.text).join('；') || '无突出因素'}`
      : `${c.rank}. ${c.name} (${c.customerId}) — ${pct(c.probability)} chance of churning, MRR ${money(c.mrr, o.currency)}. Why: ${c.factors.map((f) => f.text).join('; ') || 'no single factor stands out'}`)
  const t = o.totals
  const total = zh
    ? `合计：${t.customers} 个活跃客户，预计流失约 ${t.expectedChurners.toFixed(1)} 个，预期风险MRR ${money(t.mrrAtRisk, o.currency)}（共 ${money(t.mrr, o.currency)}）。`
    : `In total: ${t.customers} active customers, about ${t.expectedChurners.toFixed(1)} expected to churn, expected MRR at risk ${money(t.mrrAtRisk, o.currency)} of ${money(t.mrr, o.currency)}.`
  return [head, ...lines, total, modelLine(o.model, lang)].join('\n')
}

/** Revenue at risk: total and per segment. */
export function composeRiskSummary(o: RiskSummaryOutput, catalog: DataCatalog, lang: Lang): string {
  const zh = lang === 'zh'
  const t = o.total
  const h = o.horizonMonths
  const head = zh
    ? `${scope(o.where, catalog, lang)}：未来 ${h} 个月预期风险MRR ${money(t.mrrAtRisk, o.currency)}，占当前MRR ${money(t.mrr, o.currency)} 的 ${pct(t.share, 2)}；${t.customers} 个活跃客户中预计流失约 ${t.expectedChurners.toFixed(1)} 个，高风险客户 ${t.highRisk} 个。`
    : `${scope(o.where, catalog, lang)}: expected MRR at risk over the next ${h === 1 ? 'month' : `${h} months`} is ${money(t.mrrAtRisk, o.currency)}, ${pct(t.share, 2)} of current MRR ${money(t.mrr, o.currency)}; about ${t.expectedChurners.toFixed(1)} of ${t.customers} active customers are expected to churn, ${t.highRisk} are high-risk.`
  const dimName = o.by ? catalog.dimensions.find((d) => d.id === o.by)?.name[lang] ?? o.by : ''
  const rows = o.rows.map((r) => zh
    ? `- ${dimName} ${r.segment}：风险MRR ${money(r.mrrAtRisk, o.currency)}（${pct(r.share, 2)}），高风险客户 ${r.highRisk} 个`
    : `- ${dimName} ${r.segment}: ${money(r.mrrAtRisk, o.currency)} at risk (${pct(r.share, 2)}), ${r.highRisk} high-risk customers`)
  const note = zh ? '风险MRR = 每个客户的流失概率 × 当前MRR 之和；高风险 = 全部活跃客户中风险最高的10%。' : 'MRR at risk = the sum of each customer\'s churn probability × current MRR; high-risk = the top 10% of all active customers.'
  return [head, ...rows, note, modelLine(o.model, lang)].join('\n')
}

/** How reliable: the backtest in plain words, calibration, drivers. */
export function composeReliability(o: ReliabilityOutput, lang: Lang): string {
  const zh = lang === 'zh'
  const b = o.backtest
  const how = b.method === 'temporal'
    ? zh ? `用 ${b.trainDates!.from} 至 ${b.trainDates!.to} 的月份训练，在之后从未见过的 ${b.testDates!.from} 至 ${b.testDates!.to} 上检验（${b.rows} 个客户月，${b.positives} 次流失）` : `trained on ${b.trainDates!.from} … ${b.trainDates!.to} and tested on later months it never saw, ${b.testDates!.from} … ${b.testDates!.to} (${b.rows} customer-months, ${b.positives} churns)`
    : zh ? `分层 ${b.folds} 折交叉验证（${b.rows} 个客户，${b.positives} 个流失）` : `stratified ${b.folds}-fold cross-validation (${b.rows} customers, ${b.positives} churned)`
  const top = b.calibration[0]
  const lines = zh
    ? [
        `回测：${how}。`,
        `- AUC ${b.auc?.toFixed(3) ?? '—'}（0.5 = 随机，1 = 完美排序）`,
        `- 风险最高的10%客户中，${pct(b.top10Precision)} 确实流失（整体基准 ${pct(b.baseRate)}，提升 ${b.top10Lift?.toFixed(1) ?? '—'} 倍），覆盖了 ${pct(b.top10Recall)} 的流失客户`,
        `- 校准：最高风险十分位预测 ${pct(top?.predicted ?? null)}，实际 ${pct(top?.observed ?? null)}；各十分位平均偏差 ${pct(b.calibrationError, 2)}`,
        `- 主要驱动因素：${o.drivers.slice(0, 6).map((d) => `${d.name}（${d.kind === 'level' ? (d.raisesRisk ? '风险较高' : '风险较低') : d.raisesRisk ? '越高风险越高' : '越高风险越低'}）`).join('，')}`,
        '这是概率，不是定论：把名单当作优先联系的顺序，而不是确定会流失的名单。',
      ]
    : [
        `Backtest: ${how}.`,
        `- AUC ${b.auc?.toFixed(3) ?? '—'} (0.5 = random, 1 = perfect ranking)`,
        `- Of the 10% flagged as highest risk, ${pct(b.top10Precision)} did churn (base rate ${pct(b.baseRate)}, ${b.top10Lift?.toFixed(1) ?? '—'}× lift), catching ${pct(b.top10Recall)} of all churners`,
        `- Calibration: top decile predicted ${pct(top?.predicted ?? null)}, actual ${pct(top?.observed ?? null)}; mean gap across deciles ${pct(b.calibrationError, 2)}`,
        `- Strongest drivers: ${o.drivers.slice(0, 6).map((d) => `${d.name} (${d.kind === 'level' ? (d.raisesRisk ? 'higher risk' : 'lower risk') : d.raisesRisk ? 'more → higher risk' : 'more → lower risk'})`).join(', ')}`,
        'These are probabilities, not certainties: use the list to decide whom to call first.',
      ]
  return [...lines, modelLine(o.model, lang)].join('\n')
}

/** Did saving them work: the comparison and a plain verdict, including "the data cannot tell". */
export function composeEffect(o: EffectOutput, lang: Lang): string {
  const zh = lang === 'zh'
  if (o.reason === 'no_interventions') {
    return zh
      ? '数据里没有记录任何挽回/干预措施，所以无法判断是否有效。可以用 `churn-insight risk interventions <file.csv>` 导入，或 POST /api/interventions（客户、日期、措施、团队）。'
      : 'No interventions are recorded, so the data cannot tell whether they worked. Import them with `churn-insight risk interventions <file.csv>` or POST /api/interventions (customer, date, action, team).'
  }
  const actions = o.actions.slice(0, 4).map((a) => `${a.action} (${a.count})`).join(', ')
  const basis = zh
    ? `共 ${o.interventions} 条干预记录（${actions}）；可评估的被干预客户 ${o.treated} 个（${o.tooRecent} 个太近、后续 ${o.followMonths} 个月尚未结束，${o.notActive} 个干预时已不活跃）。`
    : `${o.interventions} interventions recorded (${actions}); ${o.treated} treated customers can be judged (${o.tooRecent} too recent for the ${o.followMonths}-month follow-up, ${o.notActive} not active when contacted).`
  const numbers = o.treatedRate !== null && o.comparisonRate !== null
    ? zh
      ? `被干预客户 ${o.followMonths} 个月内流失率 ${pct(o.treatedRate)}（${o.treatedChurned}/${o.treated}），同月同风险十分位的可比未干预客户为 ${pct(o.comparisonRate)}（${o.comparisonCustomers} 个客户），差 ${o.differencePoints!.toFixed(1)} 个百分点${o.pValue !== null ? `，p=${o.pValue.toFixed(3)}` : ''}。`
      : `Treated customers churned ${pct(o.treatedRate)} within ${o.followMonths} months (${o.treatedChurned} of ${o.treated}), against ${pct(o.comparisonRate)} for comparable untreated customers in the same month and risk decile (${o.comparisonCustomers} customers): ${o.differencePoints! >= 0 ? '+' : ''}${o.differencePoints!.toFixed(1)} points${o.pValue !== null ? `, p=${o.pValue.toFixed(3)}` : ''}.`
    : ''
  const verdict = {
    helped: zh ? '结论：干预后的流失明显更低，措施看起来有效（这是观察性比较，不是随机实验）。' : 'Verdict: churn was clearly lower after the interventions — they look like they worked (an observational comparison, not a randomised test).',
    hurt: zh ? '结论：被干预客户的流失反而明显更高——可能是措施无效，也可能是团队挑了风险更高的客户；建议做对照实验。' : 'Verdict: treated customers churned clearly more — either the action did not work or the team picked customers riskier than the model saw; a controlled test would settle it.',
    no_clear_difference: zh ? `结论：没有明显差异，数据无法证明措施有效${o.detectablePoints !== null ? `（以目前样本量，只能发现约 ${o.detectablePoints.toFixed(1)} 个百分点以上的差异）` : ''}。` : `Verdict: no clear difference — the data cannot show the interventions worked${o.detectablePoints !== null ? ` (with this many customers only a difference of about ${o.detectablePoints.toFixed(1)} points or more would show)` : ''}.`,
    cannot_tell: zh ? `结论：数据不足以判断——可评估的被干预客户只有 ${o.treated} 个（至少需要 20 个），结果可能只是偶然。` : `Verdict: the data cannot tell — only ${o.treated} treated customers can be judged (at least 20 are needed), so any difference could be chance.`,
  }[o.verdict]
  return [basis, numbers, verdict, modelLine(o.model, lang)].filter(Boolean).join('\n')
}

/** churn_digest: the tool writes the digest in the question's language; the analyst passes it on. */
export type DigestOutput = { kind: 'digest'; title: string; text: string }

/** The digest as written by the tool (its numbers all come from the digest data). */
export function composeDigest(o: DigestOutput): string {
  return `**${o.title}**\n${o.text}`
}
