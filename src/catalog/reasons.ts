import type { ReasonDef } from './types.js'

/**
 * Churn reason taxonomy (from shared/guides/churn-domain.md). The keywords drive the
 * transparent bilingual feedback classifier: English matched on word stems, Chinese on
 * Intl.Segmenter words and phrases.
 */
export const reasons = [
  {
    id: 'price',
    name: { en: 'Price', zh: '价格因素' },
    keywords: {
      en: ['price', 'pricing', 'expensive', 'cost', 'costs', 'too much', 'price increase', 'cheaper', 'afford', 'budget for', 'overpriced', 'fee', 'fees', 'charges'],
      zh: ['价格', '太贵', '贵', '涨价', '费用', '便宜', '性价比', '收费', '成本', '预算不够'],
    },
  },
  {
    id: 'support',
    name: { en: 'Support and service', zh: '服务体验不佳' },
    keywords: {
      en: ['support', 'response time', 'slow response', 'ticket', 'tickets', 'nobody answered', 'customer service', 'attitude', 'unhelpful', 'waited', 'days to reply', 'after-sales'],
      zh: ['客服', '工单', '响应', '响应慢', '回复', '态度', '售后', '服务', '没人理', '等了'],
    },
  },
  {
    id: 'product_quality',
    name: { en: 'Bugs and reliability', zh: '产品质量与稳定性' },
    keywords: {
      en: ['bug', 'bugs', 'buggy', 'crash', 'crashes', 'crashed', 'crashing', 'glitch', 'glitches', 'glitchy', 'freezes', 'freezing', 'froze', 'laggy', 'outage', 'outages', 'downtime', 'reliability', 'unreliable', 'slow', 'broken', 'errors', 'data loss', 'not working', 'stopped working', "doesn't work", 'does not work'],
      zh: ['故障', '崩溃', '宕机', '不稳定', '稳定性', '卡顿', '出错', 'bug', '丢失', '质量'],
    },
  },
  {
    id: 'missing_features',
    name: { en: 'Missing features', zh: '功能不满足需求' },
    keywords: {
      en: ['feature', 'features', 'missing', 'integration', 'integrations', 'mobile app', 'no api', 'lacks', 'roadmap', 'does not support', "doesn't support"],
      zh: ['功能', '缺少', '没有', '集成', '移动端', '手机端', '接口', '需求', '不支持'],
    },
  },
  {
    id: 'competitor',
    name: { en: 'Competitor', zh: '竞争对手' },
    keywords: {
      en: ['competitor', 'competitors', 'switched', 'switching', 'moved to', 'better offer', 'alternative', 'another vendor', 'better deal'],
      zh: ['竞品', '竞争对手', '对手', '换成', '换到', '转投', '其他厂商', '更好的报价', '别家'],
    },
  },
  {
    id: 'onboarding',
    name: { en: 'Onboarding and training', zh: '上手困难与交付' },
    keywords: {
      en: ['onboarding', 'setup', 'set up', 'training', 'hard to use', 'complicated', 'learning curve', 'confusing', 'implementation', 'delivery'],
      zh: ['上手', '培训', '复杂', '难用', '实施', '部署', '交付', '学习成本', '不会用'],
    },
  },
  {
    id: 'relationship',
    name: { en: 'Felt neglected', zh: '缺乏关系维护' },
    keywords: {
      en: ['ignored', 'neglected', 'never heard', 'no one checked', 'account manager', 'no check-ins', 'felt unimportant'],
      zh: ['被忽视', '不重视', '客户经理', '没人联系', '回访', '冷落'],
    },
  },
  {
    id: 'business_change',
    name: { en: 'Budget cuts or business closed', zh: '预算削减或业务变化' },
    keywords: {
      en: ['budget', 'budget cuts', 'closed', 'closing', 'shut down', 'bankrupt', 'layoffs', 'acquired', 'restructuring', 'downsizing', 'moved'],
      zh: ['预算', '削减', '倒闭', '关闭', '停业', '裁员', '收购', '重组', '缩减', '搬迁'],
    },
  },
  {
    id: 'policy_change',
    name: { en: 'Policy or regulation change', zh: '政策变化' },
    keywords: {
      en: ['policy', 'regulation', 'regulations', 'compliance', 'law', 'government', 'data residency'],
      zh: ['政策', '法规', '监管', '合规', '双减', '政府'],
    },
  },
  {
    id: 'payment_failed',
    name: { en: 'Payment failed (involuntary)', zh: '付款失败（被动流失）' },
    keywords: {
      en: ['payment failed', 'card declined', 'expired card', 'billing failed'],
      zh: ['付款失败', '扣款失败', '信用卡过期'],
    },
  },
] as const satisfies readonly ReasonDef[]

/** Reason category ids, for zod enums. */
export type ReasonId = (typeof reasons)[number]['id'] | 'other'
export const reasonIds = [...reasons.map((r) => r.id), 'other'] as unknown as [ReasonId, ...ReasonId[]]

/** Display names for a reason id, including `other`. */
export function reasonName(id: string): { en: string; zh: string } {
  return reasons.find((r) => r.id === id)?.name ?? { en: 'Other', zh: '其他' }
}
