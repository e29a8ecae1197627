import { calls, one, risk, type EvalCase } from './eval-case.js'

// Early-warning questions on the sample company (issue 14): who is at risk, revenue at risk, how reliable,
// the digest on demand, and whether save actions worked. Answers must name the model (and mask names).
const c = (id: string, lang: 'en' | 'zh', category: EvalCase['category'], q: string, expect: EvalCase['turns'][number]['expect']) => one(`risk-${lang}-${id}`, 'sample', lang, category, q, expect)
const named = (e: ReturnType<typeof calls>, ...mentions: string[]) => ({ ...e, mentions: ['logit-', ...mentions] })
const APAC = { region: ['APAC'] }
const STARTER = { plan: ['Starter'] }

/** Early-warning eval cases, English and Chinese. */
export const riskCases: EvalCase[] = [
  c('01', 'en', 'at_risk', 'Which customers are likely to churn next month?', named(calls(risk('at_risk_customers')), '***')),
  c('02', 'en', 'at_risk', 'Who is at risk of churning in APAC?', named(calls(risk('at_risk_customers', { filters: APAC })), '***')),
  c('03', 'en', 'at_risk', 'Show me the Starter customers most likely to leave next quarter', named(calls(risk('at_risk_customers', { filters: STARTER, horizon: 3 })), '***')),
  c('04', 'en', 'at_risk', 'Give me an early warning list of accounts about to cancel', named(calls(risk('at_risk_customers')), '***')),
  c('05', 'en', 'at_risk', 'How much revenue is at risk in APAC?', named(calls(risk('risk_summary', { filters: APAC })))),
  c('06', 'en', 'at_risk', 'What is our MRR at risk by plan?', named(calls(risk('risk_summary', { by: 'plan' })))),
  c('01', 'zh', 'at_risk', '哪些客户有流失风险？原因是什么？', named(calls(risk('at_risk_customers')), '***')),
  c('02', 'zh', 'at_risk', '亚太地区哪些客户可能流失？', named(calls(risk('at_risk_customers', { filters: APAC })), '***')),
  c('03', 'zh', 'at_risk', '下个季度哪些入门版客户会流失？', named(calls(risk('at_risk_customers', { filters: STARTER, horizon: 3 })), '***')),
  c('04', 'zh', 'at_risk', '高风险客户有哪些？', named(calls(risk('at_risk_customers')), '***')),
  c('05', 'zh', 'at_risk', '亚太地区有多少收入面临流失风险？', named(calls(risk('risk_summary', { filters: APAC })))),
  c('06', 'zh', 'at_risk', '按套餐看风险MRR是多少？', named(calls(risk('risk_summary', { by: 'plan' })))),

  c('07', 'en', 'risk_reliability', 'How reliable is this?', named(calls(risk('risk_reliability')), 'AUC')),
  c('08', 'en', 'risk_reliability', 'How accurate are the churn predictions?', named(calls(risk('risk_reliability')), 'AUC')),
  c('09', 'en', 'risk_reliability', 'Can I trust the risk scores?', named(calls(risk('risk_reliability')), 'AUC')),
  c('07', 'zh', 'risk_reliability', '这个预测准吗？', named(calls(risk('risk_reliability')), 'AUC')),
  c('08', 'zh', 'risk_reliability', '流失风险模型可靠吗？', named(calls(risk('risk_reliability')), 'AUC')),
  c('09', 'zh', 'risk_reliability', '风险预测的准确率怎么样？', named(calls(risk('risk_reliability')), 'AUC')),

  c('10', 'en', 'digest', 'Give me the weekly churn summary', calls(risk('churn_digest'))),
  c('11', 'en', 'digest', "Send me this month's churn digest", calls(risk('churn_digest'))),
  c('12', 'en', 'digest', 'Weekly churn report for APAC', calls(risk('churn_digest', { filters: APAC }))),
  c('10', 'zh', 'digest', '本周流失简报', calls(risk('churn_digest'))),
  c('11', 'zh', 'digest', '给我本月的流失月报', calls(risk('churn_digest'))),
  c('12', 'zh', 'digest', '亚太地区的流失周报', calls(risk('churn_digest', { filters: APAC }))),

  c('13', 'en', 'intervention', 'Did our win-back calls work?', calls(risk('intervention_effect'))),
  c('14', 'en', 'intervention', 'Are our retention offers reducing churn?', calls(risk('intervention_effect'))),
  c('15', 'en', 'intervention', 'Did the save campaigns pay off?', calls(risk('intervention_effect'))),
  c('13', 'zh', 'intervention', '挽回措施有效吗？', calls(risk('intervention_effect'))),
  c('14', 'zh', 'intervention', '我们的客户回访有没有降低流失？', calls(risk('intervention_effect'))),
  c('15', 'zh', 'intervention', '挽留活动起作用了吗？', calls(risk('intervention_effect'))),
]
