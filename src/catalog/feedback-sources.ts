/** Where feedback comes from, with the names answers and charts use (one place for both languages). */
export const feedbackSources = ['nps', 'exit_interview', 'support_ticket', 'review'] as const
export type FeedbackSource = (typeof feedbackSources)[number]

/** Display names of feedback sources, plus `reason_text` (a stated churn reason). */
export const feedbackSourceNames: Record<FeedbackSource | 'reason_text', { en: string; zh: string }> = {
  nps: { en: 'NPS survey', zh: 'NPS调查' },
  exit_interview: { en: 'exit interview', zh: '流失客户访谈' },
  support_ticket: { en: 'support ticket', zh: '工单' },
  review: { en: 'review', zh: '评价' },
  reason_text: { en: 'stated reason', zh: '填写的原因' },
}
