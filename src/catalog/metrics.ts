import type { Grain } from './types.js'
import type { MetricDef, MetricValue } from './metric-types.js'

const allGrains: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year']
const monthlyGrains: readonly Grain[] = ['month', 'quarter', 'year']

/** n / d as percentage points, or null with a reason when the denominator is zero. */
function pct(n: number, d: number, reason: string): MetricValue {
  return d > 0 ? { value: (100 * n) / d } : { value: null, reason }
}
function ratio(n: number, d: number, reason: string): MetricValue {
  return d > 0 ? { value: n / d } : { value: null, reason }
}
const noActive = 'no customers were active at the start of the period'
const noMrr = 'there was no MRR at the start of the period'

/** Monthly logo churn: the period's churn rate spread over its months. */
function monthlyChurn(m: Record<string, number>, months: number): number | null {
  return m.active_start > 0 ? m.churned_from_start / m.active_start / Math.max(months, 1) : null
}

/**
 * Customer churn as the data allows it to be read. A snapshot file: churned ÷ every customer in the
 * period (all of them were customers during the window). Dated data: over one month, the starting
 * cohort's churn; over several, the average of the monthly rates (`avg_monthly_churn`, computed by
 * the engine from a month-grain run). The numerator is always a subset of the denominator.
 */
function churnShare(m: Record<string, number>, snapshot: boolean): MetricValue {
  if (snapshot) return pct(m.churned, m.active_start + m.new + m.reactivated, 'there were no customers in the period')
  if (m.avg_monthly_months > 0) return { value: m.avg_monthly_churn }
  return pct(m.churned_from_start, m.active_start, noActive)
}
function ltv(m: Record<string, number>, months: number, margin: number): MetricValue {
  const arpa = m.paying_end > 0 ? m.end_mrr / m.paying_end : null
  const churn = monthlyChurn(m, months)
  if (arpa === null) return { value: null, reason: 'no paying customers at the end of the period' }
  if (churn === null) return { value: null, reason: noActive }
  if (churn === 0) return { value: null, reason: 'no customers churned in the period, so lifetime is unbounded' }
  return { value: (arpa * margin) / churn }
}

/** The metric catalog. Order matters only for help text and the README glossary. */
export const metrics = [
  {
    id: 'active_customers', unit: 'count', grains: allGrains, families: ['flow'], parts: ['active_start', 'new', 'churned'], higherIsBetter: true,
    name: { en: 'Active customers', zh: '活跃客户数' },
    synonyms: { en: ['active customers', 'customer count', 'customers', 'accounts', 'customer base', 'how many customers'], zh: ['活跃客户', '客户数', '客户数量', '在网客户', '现有客户'] },
    description: 'Customers with an active subscription at the end of the period (a snapshot file: every customer in the file).',
    formula: 'count of customers active at period end',
    formulaZh: '期末仍有有效订阅的客户数',
    // A snapshot file lists everyone who was a customer in its window: "how many customers" is its row count, churners included.
    compute: (m, c) => ({ value: c.snapshot ? m.active_start + m.new + m.reactivated : m.active_end }),
  },
  {
    id: 'new_customers', unit: 'count', grains: allGrains, families: ['flow'], parts: [], higherIsBetter: true,
    name: { en: 'New customers', zh: '新增客户数' },
    synonyms: { en: ['new customers', 'signups', 'sign-ups', 'new accounts', 'acquired customers', 'new logos'], zh: ['新增客户', '新客户', '新签客户', '注册数', '新客'] },
    description: 'Customers whose first subscription started in the period.',
    formula: 'count of first subscriptions starting in the period',
    formulaZh: '期内首次订阅的客户数',
    compute: (m) => ({ value: m.new }),
  },
  {
    id: 'churned_customers', unit: 'count', grains: allGrains, families: ['flow'], parts: ['churned_voluntary', 'churned_involuntary'], higherIsBetter: false,
    name: { en: 'Churned customers', zh: '流失客户数' },
    synonyms: { en: ['churned customers', 'lost customers', 'customers lost', 'cancellations', 'how many churned', 'churners', 'customers left'], zh: ['流失客户', '流失客户数', '流失数', '流失人数', '流失了多少', '流失了多少客户', '丢失客户', '取消订阅'] },
    description: 'Customers whose subscription ended (churned) in the period.',
    formula: 'count of customers whose subscription ended in the period (each customer once)',
    formulaZh: '期内订阅结束的客户数（每个客户计一次）',
    compute: (m) => ({ value: m.churned }),
  },
  {
    id: 'reactivated_customers', unit: 'count', grains: allGrains, families: ['flow'], parts: [], higherIsBetter: true,
    name: { en: 'Reactivated customers', zh: '回流客户数' },
    synonyms: { en: ['reactivated customers', 'reactivations', 'win-backs', 'returning customers', 'came back'], zh: ['回流客户', '召回客户', '挽回客户', '重新激活', '回归客户'] },
    description: 'Former customers who started a new subscription in the period.',
    formula: 'count of reactivation subscriptions starting in the period',
    formulaZh: '期内重新订阅的老客户数',
    compute: (m) => ({ value: m.reactivated }),
  },
  {
    id: 'churn_events', unit: 'count', grains: allGrains, families: ['events'], parts: ['event_customers', 'reactivation_events'], higherIsBetter: false, spanTotal: true,
    name: { en: 'Churn events', zh: '流失事件数' },
    synonyms: { en: ['churn events', 'churn event', 'number of churn events', 'cancellation events', 'churn records'], zh: ['流失事件', '流失事件数', '流失记录', '流失次数', '流失事件次数'] },
    description: 'Churn events dated in the period, every row of the churn-events file (a customer may have several, two on one day count twice).',
    formula: 'count of churn events dated in the period',
    formulaZh: '期内发生的流失事件数（每条记录计一次）',
    compute: (m) => ({ value: m.churn_events ?? 0 }),
  },
  {
    id: 'refunds', unit: 'currency', grains: allGrains, families: ['refunds'], parts: ['refunded_events'], higherIsBetter: false, spanTotal: true,
    name: { en: 'Refunds on churn events', zh: '流失事件退款金额' },
    synonyms: { en: ['refunds', 'refund', 'refunded', 'refund amount', 'total refunds', 'amount refunded', 'money refunded'], zh: ['退款', '退款金额', '退款总额', '退款合计', '退了多少钱'] },
    description: 'Total amount refunded with the churn events dated in the period.',
    formula: 'sum of the refunds of churn events dated in the period',
    formulaZh: '期内流失事件的退款金额合计',
    compute: (m) => ({ value: m.refunds ?? 0 }),
  },
  {
    id: 'refunded_churn_events', unit: 'count', grains: allGrains, families: ['refunds'], parts: ['refunds'], higherIsBetter: false, spanTotal: true,
    name: { en: 'Churn events with a refund', zh: '有退款的流失事件数' },
    synonyms: { en: ['churn events with a refund', 'events with a refund', 'came with a refund', 'with a refund', 'refunded events', 'refunded churn events', 'events with refunds'], zh: ['有退款的流失事件', '有退款的流失事件数', '有退款的事件', '退款的流失事件', '有退款'] },
    description: 'Churn events dated in the period whose refund is above 0.',
    formula: 'count of churn events in the period with a refund above 0',
    formulaZh: '期内退款金额大于0的流失事件数',
    compute: (m) => ({ value: m.refunded_events ?? 0 }),
  },
  {
    id: 'avg_refund', unit: 'currency', grains: allGrains, families: ['refunds'], parts: ['refunds', 'refunded_events'], higherIsBetter: false, spanTotal: true,
    name: { en: 'Average refund per refunded churn event', zh: '有退款流失事件的平均退款金额' },
    synonyms: { en: ['average refund', 'mean refund', 'average refund amount', 'typical refund', 'refund per event'], zh: ['平均退款', '平均退款金额', '退款均值', '平均每次退款'] },
    description: 'Refunds of the churn events in the period divided by the events that carried a refund (above 0).',
    formula: 'sum of refunds ÷ churn events with a refund above 0',
    formulaZh: '退款金额合计 ÷ 退款金额大于0的流失事件数',
    compute: (m) => ratio(m.refunds ?? 0, m.refunded_events ?? 0, 'no churn event in the period came with a refund'),
  },
  {
    id: 'churn_rate', unit: 'percent', grains: allGrains, families: ['flow'], parts: ['churned_from_start', 'active_start', 'churned', 'new'], higherIsBetter: false, bounded: true, monthlyAverage: true,
    name: { en: 'Customer churn rate', zh: '客户流失率' },
    synonyms: { en: ['churn rate', 'churn', 'logo churn', 'customer churn', 'attrition', 'attrition rate', 'churn %', 'cancellation rate'], zh: ['流失率', '客户流失率', '流失', '流失情况', '客户流失', '流失比例', '流失最严重', '流失最多'] },
    description: 'Share of customers who churned: of those active at the start of a month, the share gone by its end; over several months the average monthly rate (with the starting cohort\'s churn beside it); on a snapshot file, churned ÷ all customers in the file.',
    formula: 'churned from those active at the start ÷ active at the start × 100% (several months: the average of the monthly rates; a snapshot file: churned ÷ all customers)',
    formulaZh: '期初活跃客户中期内流失的 ÷ 期初活跃客户数 × 100%（多个月：各月流失率的平均；快照文件：流失客户 ÷ 全部客户）',
    compute: (m, c) => churnShare(m, c.snapshot),
  },
  {
    id: 'flagged_churn_rate', unit: 'percent', grains: allGrains, families: ['flag'], parts: ['flagged', 'customers_in_data'], higherIsBetter: false, bounded: true,
    name: { en: 'Share flagged as churned', zh: '被标记为流失的比例' },
    synonyms: { en: ['flagged churn rate', 'churn flag rate', 'share flagged as churned'], zh: ['标记流失率', '被标记为流失的比例'] },
    description: 'The data\'s own churn flag (undated), where churn itself is counted from churn events: customers the flag marks as churned ÷ all customers in the data by the period\'s end.',
    formula: 'customers flagged as churned ÷ all customers in the data × 100% (the flag carries no date)',
    formulaZh: '被数据自带的流失标记标为流失的客户 ÷ 数据中的全部客户 × 100%（该标记没有日期）',
    compute: (m) => pct(m.flagged ?? 0, m.customers_in_data ?? 0, 'there are no customers in the data'),
  },
  {
    id: 'retention_rate', unit: 'percent', grains: allGrains, families: ['flow'], parts: ['churned_from_start', 'active_start'], higherIsBetter: true, bounded: true,
    name: { en: 'Customer retention rate', zh: '客户留存率' },
    synonyms: { en: ['retention rate', 'retention', 'customer retention', 'retained customers'], zh: ['留存率', '客户留存率', '留存', '保留率', '客户保留率'] },
    description: 'Share of the customers active at the start of the period who had not churned by its end (a snapshot file: customers not churned ÷ all customers).',
    formula: '(active at start − churned from them) ÷ active at start × 100% (a snapshot file: not churned ÷ all customers)',
    formulaZh: '（期初活跃 − 其中期内流失的）÷ 期初活跃 × 100%（快照文件：未流失客户 ÷ 全部客户）',
    compute: (m, c) => (c.snapshot
      ? pct(m.active_start + m.new + m.reactivated - m.churned, m.active_start + m.new + m.reactivated, 'there were no customers in the period')
      : pct(m.active_start - m.churned_from_start, m.active_start, noActive)),
  },
  {
    id: 'mrr', unit: 'currency', grains: monthlyGrains, families: ['revenue'], parts: ['start_mrr', 'paying_end'], higherIsBetter: true,
    name: { en: 'MRR', zh: '月度经常性收入' },
    synonyms: { en: ['mrr', 'monthly recurring revenue', 'recurring revenue', 'revenue'], zh: ['MRR', '月度经常性收入', '经常性收入', '月收入', '收入'] },
    description: 'Monthly recurring revenue in the last month of the period.',
    formula: 'sum of customers\' MRR in the period\'s last month',
    formulaZh: '期内最后一个月的月度经常性收入合计',
    compute: (m) => ({ value: m.end_mrr }),
  },
  {
    id: 'churned_mrr', unit: 'currency', grains: monthlyGrains, families: ['revenue'], bucketsAddUp: true, parts: ['start_mrr', 'present_mrr'], higherIsBetter: false,
    name: { en: 'Churned MRR', zh: '流失MRR' },
    synonyms: { en: ['churned mrr', 'lost mrr', 'revenue lost', 'lost revenue', 'revenue lost to churn', 'mrr churn'], zh: ['流失MRR', '流失收入', '收入损失', '损失收入', '流失金额'] },
    description: 'MRR at period start of customers who had no MRR at period end.',
    formula: 'Σ start MRR of customers with start MRR > 0 and end MRR = 0',
    formulaZh: '期初有收入、期末收入为零的客户的期初MRR合计',
    compute: (m, c) => ({ value: c.snapshot ? m.lost_mrr : m.churned_mrr }),
  },
  {
    id: 'contraction_mrr', unit: 'currency', grains: monthlyGrains, families: ['revenue'], bucketsAddUp: true, parts: ['start_mrr'], higherIsBetter: false,
    name: { en: 'Contraction MRR', zh: '收缩MRR' },
    synonyms: { en: ['contraction mrr', 'contraction', 'downgrades', 'downgrade revenue'], zh: ['收缩MRR', '降级', '降级收入', '收入收缩'] },
    description: 'MRR lost from customers who stayed but pay less at period end than at its start.',
    formula: 'Σ (start MRR − end MRR) where 0 < end MRR < start MRR',
    formulaZh: '期末收入低于期初（但大于零）的客户减少的MRR合计',
    compute: (m) => ({ value: m.contraction_mrr }),
  },
  {
    id: 'expansion_mrr', unit: 'currency', grains: monthlyGrains, families: ['revenue'], bucketsAddUp: true, parts: ['start_mrr'], higherIsBetter: true,
    name: { en: 'Expansion MRR', zh: '扩展MRR' },
    synonyms: { en: ['expansion mrr', 'expansion', 'upgrades', 'upsell revenue'], zh: ['扩展MRR', '增购', '升级', '扩展收入', '增购收入'] },
    description: 'MRR gained from existing customers who pay more at period end than at its start.',
    formula: 'Σ (end MRR − start MRR) where start MRR > 0 and end MRR > start MRR',
    formulaZh: '期末收入高于期初的老客户增加的MRR合计',
    compute: (m) => ({ value: m.expansion_mrr }),
  },
  {
    id: 'gross_revenue_churn_rate', unit: 'percent', grains: monthlyGrains, families: ['revenue'], parts: ['churned_mrr', 'contraction_mrr', 'start_mrr', 'lost_mrr', 'present_mrr'], higherIsBetter: false, bounded: true,
    name: { en: 'Gross revenue churn rate', zh: '收入流失率' },
    synonyms: { en: ['revenue churn', 'revenue churn rate', 'gross revenue churn', 'mrr churn rate', 'gross mrr churn'], zh: ['收入流失率', 'MRR流失率', '营收流失率', '收入流失'] },
    description: 'Share of monthly revenue lost: churned plus contraction MRR divided by MRR at period start (a snapshot file: the churners\' monthly charges ÷ everyone\'s).',
    formula: '(churned MRR + contraction MRR) ÷ start MRR × 100% (a snapshot file: churners\' MRR ÷ all customers\' MRR)',
    formulaZh: '（流失MRR + 收缩MRR）÷ 期初MRR × 100%（快照文件：流失客户的月费 ÷ 全部客户的月费）',
    compute: (m, c) => (c.snapshot ? pct(m.lost_mrr, m.present_mrr, noMrr) : pct(m.churned_mrr + m.contraction_mrr, m.start_mrr, noMrr)),
  },
  {
    id: 'net_revenue_retention', unit: 'percent', grains: monthlyGrains, families: ['revenue'], parts: ['start_mrr', 'churned_mrr', 'contraction_mrr', 'expansion_mrr'], higherIsBetter: true,
    name: { en: 'Net revenue retention (NRR)', zh: '净收入留存率' },
    synonyms: { en: ['nrr', 'net revenue retention', 'net retention', 'net dollar retention', 'ndr'], zh: ['净收入留存率', 'NRR', '净留存', '净收入留存'] },
    description: 'Start MRR minus churned and contraction plus expansion, divided by start MRR.',
    formula: '(start MRR − churned − contraction + expansion) ÷ start MRR × 100%',
    formulaZh: '（期初MRR − 流失 − 收缩 + 扩展）÷ 期初MRR × 100%',
    compute: (m) => pct(m.start_mrr - m.churned_mrr - m.contraction_mrr + m.expansion_mrr, m.start_mrr, noMrr),
  },
  {
    id: 'gross_revenue_retention', unit: 'percent', grains: monthlyGrains, families: ['revenue'], parts: ['start_mrr', 'churned_mrr', 'contraction_mrr'], higherIsBetter: true, bounded: true,
    name: { en: 'Gross revenue retention (GRR)', zh: '总收入留存率' },
    synonyms: { en: ['grr', 'gross revenue retention', 'gross retention', 'gross dollar retention'], zh: ['总收入留存率', 'GRR', '毛收入留存率', '总留存'] },
    description: 'Start MRR minus churned and contraction MRR, divided by start MRR.',
    formula: '(start MRR − churned − contraction) ÷ start MRR × 100%',
    formulaZh: '（期初MRR − 流失 − 收缩）÷ 期初MRR × 100%',
    compute: (m) => pct(m.start_mrr - m.churned_mrr - m.contraction_mrr, m.start_mrr, noMrr),
  },
  {
    id: 'arpa', unit: 'currency', grains: monthlyGrains, families: ['revenue'], parts: ['end_mrr', 'paying_end'], higherIsBetter: true,
    name: { en: 'ARPA', zh: '每账户平均收入' },
    synonyms: { en: ['arpa', 'arpu', 'average revenue per account', 'average revenue per customer', 'revenue per customer'], zh: ['ARPA', 'ARPU', '每账户平均收入', '客单价', '平均收入', '每客户平均收入'] },
    description: 'MRR at period end divided by paying customers at period end.',
    formula: 'end MRR ÷ paying customers at end',
    formulaZh: '期末MRR ÷ 期末付费客户数',
    compute: (m) => ratio(m.end_mrr, m.paying_end, 'no paying customers at the end of the period'),
  },
  {
    id: 'avg_tenure', unit: 'months', grains: allGrains, families: ['tenure'], parts: ['tenure_customers'], higherIsBetter: true,
    name: { en: 'Average tenure', zh: '平均在网时长' },
    synonyms: { en: ['average tenure', 'tenure', 'how long customers stay', 'customer lifetime months'], zh: ['平均在网时长', '在网时长', '平均使用时长', '使用时长'] },
    description: 'Average months since signup of customers active at period end.',
    formula: 'mean(period end − signup date) in months, over customers active at end',
    formulaZh: '期末活跃客户自注册起的平均月数',
    compute: (m) => (m.tenure_customers > 0 ? { value: m.avg_tenure_months } : { value: null, reason: 'no customers were active at the end of the period' }),
  },
  {
    id: 'ltv', unit: 'currency', grains: monthlyGrains, families: ['flow', 'revenue'], parts: ['end_mrr', 'paying_end', 'churned', 'active_start'], higherIsBetter: true,
    name: { en: 'Customer lifetime value (LTV)', zh: '客户生命周期价值' },
    synonyms: { en: ['ltv', 'lifetime value', 'customer lifetime value', 'clv', 'cltv'], zh: ['LTV', '客户生命周期价值', '生命周期价值', '客户价值', 'CLV'] },
    description: 'ARPA times gross margin divided by the monthly churn rate.',
    formula: 'ARPA × gross margin ÷ monthly churn rate (period churn rate ÷ months)',
    formulaZh: 'ARPA × 毛利率 ÷ 月流失率（期内流失率 ÷ 月数）',
    compute: (m, c) => ltv(m, c.months, c.grossMargin),
  },
  {
    id: 'cac', unit: 'currency', grains: monthlyGrains, families: ['acquisition'], parts: ['acquired_with_cost'], higherIsBetter: false,
    name: { en: 'Customer acquisition cost (CAC)', zh: '获客成本' },
    synonyms: { en: ['cac', 'acquisition cost', 'customer acquisition cost', 'cost to acquire'], zh: ['获客成本', 'CAC', '客户获取成本', '拉新成本'] },
    description: 'Average acquisition cost of customers who signed up in the period.',
    formula: 'mean acquisition cost of new customers with a known cost',
    formulaZh: '期内新客户的平均获客成本（有成本记录者）',
    compute: (m) => (m.acquired_with_cost > 0 ? { value: m.avg_cac } : { value: null, reason: 'no acquisition cost is recorded for customers who signed up in the period' }),
  },
  {
    id: 'ltv_cac_ratio', unit: 'ratio', grains: monthlyGrains, families: ['flow', 'revenue', 'acquisition'], parts: ['avg_cac'], higherIsBetter: true,
    name: { en: 'LTV:CAC ratio', zh: 'LTV与CAC之比' },
    synonyms: { en: ['ltv:cac', 'ltv to cac', 'ltv/cac', 'ltv cac ratio', 'ltv to cac ratio'], zh: ['LTV与CAC之比', 'LTV/CAC', 'LTV:CAC', '生命周期价值与获客成本之比'] },
    description: 'Lifetime value divided by the average acquisition cost; above 3 is usually called healthy.',
    formula: 'LTV ÷ CAC',
    formulaZh: 'LTV ÷ CAC',
    compute: (m, c) => {
      const l = ltv(m, c.months, c.grossMargin)
      if (l.value === null) return l
      return m.acquired_with_cost > 0 && m.avg_cac > 0 ? { value: l.value / m.avg_cac } : { value: null, reason: 'no acquisition cost is recorded for customers who signed up in the period' }
    },
  },
  {
    id: 'logins_per_customer', unit: 'per_customer', grains: monthlyGrains, families: ['engagement'], parts: ['customer_months'], higherIsBetter: true,
    name: { en: 'Logins per customer per month', zh: '每客户月均登录次数' },
    synonyms: { en: ['logins', 'engagement', 'usage', 'login frequency', 'activity', 'logins per customer'], zh: ['登录次数', '登录', '活跃度', '参与度', '使用频率', '客户参与度'] },
    description: 'Average monthly logins per customer with activity in the period.',
    formula: 'mean of monthly logins over customer-months in the period',
    formulaZh: '期内每客户每月登录次数的平均值',
    compute: (m) => (m.customer_months > 0 ? { value: m.avg_logins } : { value: null, reason: 'no product activity was recorded in the period' }),
  },
  {
    id: 'active_seats', unit: 'per_customer', grains: monthlyGrains, families: ['engagement'], parts: ['customer_months'], higherIsBetter: true,
    name: { en: 'Active seats per customer', zh: '每客户活跃席位数' },
    synonyms: { en: ['active seats', 'seats', 'active users', 'seat usage'], zh: ['活跃席位', '席位', '活跃用户数', '使用人数'] },
    description: 'Average active seats per customer-month in the period.',
    formula: 'mean of monthly active seats over customer-months in the period',
    formulaZh: '期内每客户每月活跃席位数的平均值',
    compute: (m) => (m.customer_months > 0 ? { value: m.avg_active_seats } : { value: null, reason: 'no product activity was recorded in the period' }),
  },
  {
    id: 'key_feature_uses', unit: 'per_customer', grains: monthlyGrains, families: ['engagement'], parts: ['customer_months'], higherIsBetter: true,
    name: { en: 'Key-feature uses per customer per month', zh: '核心功能月均使用次数' },
    synonyms: { en: ['key feature use', 'feature usage', 'feature adoption', 'key feature uses'], zh: ['核心功能使用', '功能使用', '功能使用率', '核心功能'] },
    description: 'Average monthly uses of the key feature per customer in the period.',
    formula: 'mean of monthly key-feature uses over customer-months in the period',
    formulaZh: '期内每客户每月核心功能使用次数的平均值',
    compute: (m) => (m.customer_months > 0 ? { value: m.avg_key_feature_uses } : { value: null, reason: 'no product activity was recorded in the period' }),
  },
  {
    id: 'tickets', unit: 'count', grains: allGrains, families: ['tickets'], parts: ['avg_resolution_hours'], higherIsBetter: false,
    name: { en: 'Support tickets', zh: '工单数' },
    synonyms: { en: ['tickets', 'support tickets', 'ticket volume', 'complaints', 'support requests', 'cases'], zh: ['工单', '工单数', '工单量', '投诉', '投诉量', '客服请求'] },
    description: 'Support tickets opened in the period.',
    formula: 'count of tickets opened in the period',
    formulaZh: '期内新开工单数',
    compute: (m) => ({ value: m.tickets }),
  },
  {
    id: 'tickets_per_customer', unit: 'per_customer', grains: allGrains, families: ['tickets', 'flow'], parts: ['tickets', 'active_start'], higherIsBetter: false,
    name: { en: 'Tickets per customer', zh: '每客户工单数' },
    synonyms: { en: ['tickets per customer', 'ticket rate', 'support load'], zh: ['每客户工单数', '人均工单', '工单率'] },
    description: 'Tickets opened in the period divided by customers active at its start.',
    formula: 'tickets opened ÷ active at period start',
    formulaZh: '期内新开工单数 ÷ 期初活跃客户数',
    compute: (m) => ratio(m.tickets, m.active_start, noActive),
  },
  {
    id: 'avg_resolution_hours', unit: 'hours', grains: allGrains, families: ['tickets'], parts: ['tickets_resolved'], higherIsBetter: false,
    name: { en: 'Average hours to resolve a ticket', zh: '平均工单解决时长' },
    synonyms: { en: ['resolution time', 'time to resolve', 'response time', 'support response time', 'hours to resolve', 'ticket resolution', 'how quickly do we resolve', 'how long to resolve', 'how fast we resolve'], zh: ['解决时长', '工单解决时长', '响应时间', '响应速度', '处理时长', '工单响应', '多久能解决', '多久解决', '处理速度', '解决速度'] },
    description: 'Average hours from opening to resolving the tickets opened in the period.',
    formula: 'mean hours_to_resolve of resolved tickets opened in the period',
    formulaZh: '期内新开且已解决工单的平均解决小时数',
    compute: (m) => (m.tickets_resolved > 0 ? { value: m.avg_resolution_hours } : { value: null, reason: 'no resolved tickets were opened in the period' }),
  },
  {
    id: 'nps', unit: 'score', grains: monthlyGrains, families: ['nps'], parts: ['responses', 'promoters', 'detractors'], higherIsBetter: true,
    name: { en: 'Net Promoter Score (NPS)', zh: '净推荐值' },
    synonyms: { en: ['nps', 'net promoter score', 'promoter score', 'satisfaction', 'customer satisfaction'], zh: ['NPS', '净推荐值', '推荐值', '满意度', '客户满意度'] },
    description: 'Percent promoters (9–10) minus percent detractors (0–6) among NPS survey answers in the period.',
    formula: '(promoters − detractors) ÷ responses × 100',
    formulaZh: '（推荐者 − 贬损者）÷ 回答数 × 100',
    compute: (m) => (m.responses > 0 ? { value: (100 * (m.promoters - m.detractors)) / m.responses } : { value: null, reason: 'no NPS survey answers in the period' }),
  },
  {
    id: 'cohort_retention', unit: 'percent', grains: ['month'], families: [], parts: ['cohort_size'], higherIsBetter: true, kind: 'cohort',
    name: { en: 'Cohort retention', zh: '同期群留存' },
    synonyms: { en: ['cohort retention', 'cohorts', 'cohort analysis', 'retention by signup month', 'retention curve', 'cohort'], zh: ['同期群留存', '同期群', '队列留存', '留存曲线', '按注册月份留存', '群组分析'] },
    description: 'Share of each signup month\'s customers still active N months after signup (a signup month × months-since-signup matrix).',
    formula: 'active at end of month N after signup ÷ customers who signed up that month × 100%',
    formulaZh: '注册后第N个月末仍活跃的客户数 ÷ 当月注册客户数 × 100%',
    compute: () => ({ value: null, reason: 'cohort retention is a matrix; see its rows' }),
  },
] as const satisfies readonly MetricDef[]

/** Metric ids as a non-empty tuple, for zod enums. */
export type MetricId = (typeof metrics)[number]['id']
export const metricIds = metrics.map((m) => m.id) as [MetricId, ...MetricId[]]

/** Looks up a metric by id. */
export function findMetric(id: string): MetricDef | undefined {
  return (metrics as readonly MetricDef[]).find((m) => m.id === id)
}
